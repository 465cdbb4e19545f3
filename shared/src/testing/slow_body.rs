//! A server whose answers send their head at once and their body later.
//!
//! wiremock (and `MockApi`) send an answer's status line, headers and body together, after the
//! delay: a client cannot tell "the head is in" from "the answer is read". Many mistakes live in
//! that gap: a timeout or a concurrency limit that covers `send()` but not the reading of the
//! body, a permit given back as soon as the status is known. This server opens the gap on
//! purpose: for each request it writes the status line and headers (with a `content-length`, or
//! chunked) at once, then the body after a delay of the check's choosing, and it counts, on its
//! own side,
//! how many answers are open at once: from the request's arrival to the last byte of its body
//! written (or the client closing the connection first). No client-side bookkeeping can fool
//! that count.
//!
//! It speaks just enough HTTP/1.1 for reqwest: keep-alive connections, one request at a time
//! on each, a request body (by `content-length`) read and ignored.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::task::JoinHandle;

/// What a [`SlowBodyServer`] answers to one request.
#[derive(Clone, Debug)]
pub struct SlowAnswer {
    status: u16,
    content_type: &'static str,
    body: Vec<u8>,
    wait: BodyWait,
    /// How long after the request arrived the head is written.
    head_after: Duration,
    /// Headers of the check's own, after the content type and length.
    headers: Vec<(&'static str, &'static str)>,
    /// How many bytes of the body go with the head, before the wait.
    sent_with_head: usize,
    /// Whether the body goes in chunks (`transfer-encoding: chunked`, no `content-length`).
    chunked: bool,
    /// Whether the connection is closed, with a reset, as soon as the request has arrived.
    hang_up: bool,
}

/// When a [`SlowAnswer`]'s body follows its head.
#[derive(Clone, Debug)]
enum BodyWait {
    /// This long after the head.
    After(Duration),
    /// Once this many answers have been open at once, or once no request has arrived for
    /// `quiet`, whichever comes first.
    Gathering { count: usize, quiet: Duration },
    /// Once the check opens this gate, or `at_most` after the head, whichever comes first.
    Opened { gate: BodyGate, at_most: Duration },
}

/// A gate that bodies wait behind ([`SlowAnswer::body_when_opened`]) until the check opens it,
/// from any thread: the bodies go when something of the check's has happened (a task of its own
/// got a thread), not after a time that a busy machine may stretch.
#[derive(Clone, Debug, Default)]
pub struct BodyGate(Arc<GateState>);

#[derive(Debug, Default)]
struct GateState {
    open: AtomicBool,
    /// Whether some body stopped waiting because its `at_most` ran out, the gate still shut.
    ran_out: AtomicBool,
    opened: tokio::sync::Notify,
}

impl BodyGate {
    /// A shut gate.
    pub fn new() -> BodyGate {
        BodyGate::default()
    }

    /// Lets every body behind the gate go, and those that come to it later.
    pub fn open(&self) {
        self.0.open.store(true, Ordering::SeqCst);
        self.0.opened.notify_waiters();
    }

    /// Whether some body went because it had waited its `at_most`, before the gate opened.
    pub fn ran_out(&self) -> bool {
        self.0.ran_out.load(Ordering::SeqCst)
    }

    /// Waits until the gate is open, `at_most`; past that, writes down that it ran out.
    async fn passed(&self, at_most: Duration) {
        let opened = async {
            loop {
                let notified = self.0.opened.notified();
                tokio::pin!(notified);
                // Listening before the flag is read, so an opening cannot slip in between.
                notified.as_mut().enable();
                if self.0.open.load(Ordering::SeqCst) {
                    return;
                }
                notified.await;
            }
        };
        if tokio::time::timeout(at_most, opened).await.is_err() {
            self.0.ran_out.store(true, Ordering::SeqCst);
        }
    }
}

impl SlowAnswer {
    /// `status` with `body` serialized as JSON; the body follows the head at once unless
    /// [`SlowAnswer::body_after`] says otherwise.
    ///
    /// # Panics
    /// If `body` cannot be serialized (a map with keys that are not strings).
    pub fn json(status: u16, body: &impl serde::Serialize) -> SlowAnswer {
        let body = serde_json::to_vec(body).expect("a test's JSON body serializes");
        SlowAnswer::raw(status, body, "application/json")
    }

    /// `status` with these bytes as the body, of this content type.
    pub fn raw(status: u16, body: impl Into<Vec<u8>>, content_type: &'static str) -> SlowAnswer {
        SlowAnswer {
            status,
            content_type,
            body: body.into(),
            wait: BodyWait::After(Duration::ZERO),
            head_after: Duration::ZERO,
            headers: Vec::new(),
            sent_with_head: 0,
            chunked: false,
            hang_up: false,
        }
    }

    /// No answer at all: the connection is closed, with a reset, as soon as the request has
    /// arrived, so the client's request fails with no status (as when a server or a proxy
    /// before it drops the connection).
    pub fn hang_up() -> SlowAnswer {
        SlowAnswer {
            hang_up: true,
            ..SlowAnswer::raw(0, Vec::new(), "")
        }
    }

    /// Adds a header to the answer's head (`retry-after: 1`, say).
    #[must_use]
    pub fn header(mut self, name: &'static str, value: &'static str) -> SlowAnswer {
        self.headers.push((name, value));
        self
    }

    /// Writes the head only this long after the request arrived (at once by default), so that
    /// an answer can be slow in its head, its body, or both.
    #[must_use]
    pub fn head_after(mut self, delay: Duration) -> SlowAnswer {
        self.head_after = delay;
        self
    }

    /// Writes the body only this long after the head.
    #[must_use]
    pub fn body_after(mut self, delay: Duration) -> SlowAnswer {
        self.wait = BodyWait::After(delay);
        self
    }

    /// Sends the first `bytes` of the body with the head, and only the rest after the wait:
    /// a body that arrives in pieces, whose first piece says nothing of when it ends.
    #[must_use]
    pub fn first_bytes_with_head(mut self, bytes: usize) -> SlowAnswer {
        self.sent_with_head = bytes.min(self.body.len());
        self
    }

    /// Sends the body in chunks (`transfer-encoding: chunked`), with no `content-length`: the
    /// head then says nothing of how long the body is, as for a body streamed by its server.
    /// The part sent with the head is one chunk, the rest another, then the last.
    #[must_use]
    pub fn chunked(mut self) -> SlowAnswer {
        self.chunked = true;
        self
    }

    /// Holds the body back until `count` answers have been open at once (this one among them),
    /// or until no request has arrived for `quiet`: then every held body goes. A check that a
    /// client starts `count` requests together waits only as long as their arrival takes, and a
    /// client that never starts that many is released `quiet` after its last request.
    #[must_use]
    pub fn body_when_gathered(mut self, count: usize, quiet: Duration) -> SlowAnswer {
        self.wait = BodyWait::Gathering { count, quiet };
        self
    }

    /// Holds the body back until the check opens `gate`, or `at_most` after the head (the
    /// gate then says it [ran out](BodyGate::ran_out)).
    #[must_use]
    pub fn body_when_opened(mut self, gate: &BodyGate, at_most: Duration) -> SlowAnswer {
        self.wait = BodyWait::Opened {
            gate: gate.clone(),
            at_most,
        };
        self
    }
}

/// One request as a [`SlowBodyServer`] saw it, and how its answer went.
#[derive(Clone, Debug)]
pub struct SlowArrival {
    /// `GET`, `POST`, …
    pub method: String,
    /// The path as received, query included.
    pub path: String,
    /// The request's headers, names in lower case, in the order received.
    pub headers: Vec<(String, String)>,
    /// When the request's head had arrived.
    pub at: Instant,
    /// When the answer stopped being open: its body written to the end, or the connection lost
    /// before that. `None` while it is still open.
    pub ended: Option<Instant>,
    /// Whether the whole body was written (false if the client went away before).
    pub complete: bool,
}

impl SlowArrival {
    /// The value of the header `name` (any case), if the request had it.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(known, _)| known.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}

#[derive(Debug, Default)]
struct Log {
    arrivals: Vec<SlowArrival>,
    open: usize,
    peak: usize,
    /// Woken at every arrival, for the answers that wait for a gathering.
    arrived: Arc<tokio::sync::Notify>,
}

type Shared = Arc<Mutex<Log>>;

fn lock(log: &Shared) -> std::sync::MutexGuard<'_, Log> {
    log.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Waits until `count` answers have been open at once, or until no request has arrived for
/// `quiet`.
async fn gathered(log: &Shared, count: usize, quiet: Duration) {
    let notify = Arc::clone(&lock(log).arrived);
    loop {
        let notified = notify.notified();
        tokio::pin!(notified);
        // Listening before the count is read, so no arrival slips in between.
        notified.as_mut().enable();
        let last = {
            let log = lock(log);
            if log.peak >= count {
                return;
            }
            log.arrivals
                .last()
                .map_or_else(Instant::now, |arrival| arrival.at)
        };
        tokio::select! {
            () = notified => {}
            () = tokio::time::sleep_until((last + quiet).into()) => return,
        }
    }
}

/// An HTTP/1.1 server on loopback whose answers send their head at once and their body after a
/// delay, and which counts how many answers are open at once. Stops when dropped.
///
/// ```ignore
/// let server = SlowBodyServer::start(|_method, path| {
///     SlowAnswer::json(200, &serde_json::json!({ "path": path })).body_after(ms(150))
/// })
/// .await;
/// // … requests to server.uri() …
/// assert!(server.peak_open() <= 2);
/// ```
#[derive(Debug)]
pub struct SlowBodyServer {
    address: SocketAddr,
    log: Shared,
    task: JoinHandle<()>,
}

impl SlowBodyServer {
    /// Starts serving on a port the OS picks; `answer(method, path)` decides each answer.
    ///
    /// # Panics
    /// Outside a tokio runtime, or if no port on loopback is free.
    pub async fn start<F>(answer: F) -> SlowBodyServer
    where
        F: Fn(&str, &str) -> SlowAnswer + Send + Sync + 'static,
    {
        // Its connections close with a reset, leaving no port in `TIME_WAIT` (see
        // `mock_server::Closing`): this server closes first only when its client has hung up,
        // or when it is dropped.
        let listener = crate::testing::check_listener(mock_server::Closing::Reset)
            .expect("a free port on loopback");
        let address = listener
            .local_addr()
            .expect("a bound listener has an address");
        let log = Shared::default();
        let answer = Arc::new(answer);
        let accepted = Arc::clone(&log);
        let task = tokio::spawn(async move {
            let mut connections = tokio::task::JoinSet::new();
            while let Ok((stream, _)) = listener.accept().await {
                connections.spawn(serve(stream, Arc::clone(&answer), Arc::clone(&accepted)));
                // Forget the connections that are done.
                while connections.try_join_next().is_some() {}
            }
        });
        SlowBodyServer { address, log, task }
    }

    /// `http://127.0.0.1:{port}`, without a trailing slash.
    pub fn uri(&self) -> String {
        format!("http://{}", self.address)
    }

    /// Every request received so far, in the order of arrival.
    pub fn arrivals(&self) -> Vec<SlowArrival> {
        lock(&self.log).arrivals.clone()
    }

    /// When the first request arrived: waited for, `within` at most, and now if none came by
    /// then (so a check that times what it does from it goes on, and judges what came).
    pub async fn first_arrival(&self, within: Duration) -> Instant {
        let since = Instant::now();
        loop {
            if let Some(arrival) = lock(&self.log).arrivals.first() {
                return arrival.at;
            }
            if since.elapsed() > within {
                return Instant::now();
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    }

    /// The most answers open at once so far: from a request's arrival to the last byte of its
    /// body written (or its connection lost).
    pub fn peak_open(&self) -> usize {
        lock(&self.log).peak
    }

    /// The most answers open at once among the requests from the `from`-th arrival on (counted
    /// from 0), those before left out: a later part of a check, judged apart from the earlier.
    pub fn peak_open_from(&self, from: usize) -> usize {
        let arrivals = self.arrivals();
        let later = arrivals.get(from..).unwrap_or_default();
        // The most is reached when some request arrives: count the answers open at each arrival.
        later
            .iter()
            .map(|arrival| {
                later
                    .iter()
                    .filter(|other| {
                        other.at <= arrival.at && other.ended.is_none_or(|ended| ended > arrival.at)
                    })
                    .count()
            })
            .max()
            .unwrap_or(0)
    }
}

impl Drop for SlowBodyServer {
    fn drop(&mut self) {
        // Aborting the accept loop drops its `JoinSet`, which aborts every connection.
        self.task.abort();
    }
}

/// Serves one connection: requests one after another, until the client closes it.
async fn serve<F>(mut stream: TcpStream, answer: Arc<F>, log: Shared)
where
    F: Fn(&str, &str) -> SlowAnswer + Send + Sync + 'static,
{
    let mut buffer = Vec::new();
    loop {
        let Some(head) = read_head(&mut stream, &mut buffer).await else {
            return;
        };
        let Some((method, path, headers)) = parse_head(&head) else {
            let _ = stream
                .write_all(
                    b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\nconnection: close\r\n\r\n",
                )
                .await;
            return;
        };
        // A request body, if any, is read and ignored.
        let length: usize = headers
            .iter()
            .find(|(name, _)| name == "content-length")
            .and_then(|(_, value)| value.trim().parse().ok())
            .unwrap_or(0);
        while buffer.len() < length {
            let mut chunk = [0u8; 4096];
            match stream.read(&mut chunk).await {
                Ok(0) | Err(_) => return,
                Ok(n) => buffer.extend_from_slice(&chunk[..n]),
            }
        }
        buffer.drain(..length);

        let reply = answer(&method, &path);
        let index = {
            let mut log = lock(&log);
            log.arrivals.push(SlowArrival {
                method,
                path,
                headers,
                at: Instant::now(),
                ended: None,
                complete: false,
            });
            log.open += 1;
            log.peak = log.peak.max(log.open);
            log.arrived.notify_waiters();
            log.arrivals.len() - 1
        };
        // A hang-up writes nothing: the stream is dropped below, and closes with a reset.
        let complete = !reply.hang_up && write_answer(&mut stream, &mut buffer, &reply, &log).await;
        {
            let mut log = lock(&log);
            log.arrivals[index].ended = Some(Instant::now());
            log.arrivals[index].complete = complete;
            log.open -= 1;
        }
        if !complete {
            return;
        }
    }
}

/// Reads up to the end of a request's head and returns it; what follows stays in `buffer`.
/// `None` if the connection closes first.
async fn read_head(stream: &mut TcpStream, buffer: &mut Vec<u8>) -> Option<Vec<u8>> {
    loop {
        if let Some(end) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
            return Some(buffer.drain(..end + 4).collect());
        }
        let mut chunk = [0u8; 4096];
        match stream.read(&mut chunk).await {
            Ok(0) | Err(_) => return None,
            Ok(n) => buffer.extend_from_slice(&chunk[..n]),
        }
    }
}

/// A request's headers: (name in lower case, value), in the order received.
type Headers = Vec<(String, String)>;

/// The method, the path and the headers of a request's head.
fn parse_head(head: &[u8]) -> Option<(String, String, Headers)> {
    let head = std::str::from_utf8(head).ok()?;
    let mut lines = head.split("\r\n");
    let mut request_line = lines.next()?.split(' ');
    let method = request_line.next()?.to_owned();
    let path = request_line.next()?.to_owned();
    let headers = lines
        .filter(|line| !line.is_empty())
        .filter_map(|line| {
            let (name, value) = line.split_once(':')?;
            Some((name.trim().to_ascii_lowercase(), value.trim().to_owned()))
        })
        .collect();
    Some((method, path, headers))
}

/// Writes the head at once, then the body after its delay; whether the whole answer was
/// written. If the client closes the connection during the delay, the answer ends then.
async fn write_answer(
    stream: &mut TcpStream,
    buffer: &mut Vec<u8>,
    reply: &SlowAnswer,
    log: &Shared,
) -> bool {
    let reason = reqwest::StatusCode::from_u16(reply.status)
        .ok()
        .and_then(|status| status.canonical_reason())
        .unwrap_or("Unknown");
    let extra: String = reply
        .headers
        .iter()
        .map(|(name, value)| format!("{name}: {value}\r\n"))
        .collect();
    let length = if reply.chunked {
        "transfer-encoding: chunked".to_owned()
    } else {
        format!("content-length: {}", reply.body.len())
    };
    let head = format!(
        "HTTP/1.1 {} {reason}\r\ncontent-type: {}\r\n{length}\r\n{extra}\r\n",
        reply.status, reply.content_type,
    );
    if !reply.head_after.is_zero() {
        tokio::time::sleep(reply.head_after).await;
    }
    let (first, rest) = reply.body.split_at(reply.sent_with_head);
    // In chunked encoding each part is framed by its length in hex, the body ended by an empty
    // chunk; an empty part is left out, since an empty chunk would end the body early.
    let frame = |part: &[u8], last: bool| -> Vec<u8> {
        if !reply.chunked {
            return part.to_vec();
        }
        let mut framed = Vec::new();
        if !part.is_empty() {
            framed.extend_from_slice(format!("{:x}\r\n", part.len()).as_bytes());
            framed.extend_from_slice(part);
            framed.extend_from_slice(b"\r\n");
        }
        if last {
            framed.extend_from_slice(b"0\r\n\r\n");
        }
        framed
    };
    if stream.write_all(head.as_bytes()).await.is_err()
        || stream.write_all(&frame(first, false)).await.is_err()
        || stream.flush().await.is_err()
    {
        return false;
    }
    // Wait for the body's turn, watching for the client going away meanwhile.
    let pause = async {
        match &reply.wait {
            BodyWait::After(delay) => tokio::time::sleep(*delay).await,
            BodyWait::Gathering { count, quiet } => gathered(log, *count, *quiet).await,
            BodyWait::Opened { gate, at_most } => gate.passed(*at_most).await,
        }
    };
    tokio::pin!(pause);
    loop {
        let mut chunk = [0u8; 4096];
        tokio::select! {
            () = &mut pause => break,
            read = stream.read(&mut chunk) => match read {
                Ok(0) | Err(_) => return false,
                Ok(n) => buffer.extend_from_slice(&chunk[..n]),
            },
        }
    }
    stream.write_all(&frame(rest, true)).await.is_ok() && stream.flush().await.is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(millis: u64) -> Duration {
        Duration::from_millis(millis)
    }

    /// The head arrives at once, the body after its delay, and the answer counts as open until
    /// then.
    #[tokio::test]
    async fn the_head_comes_at_once_and_the_body_later() {
        let server = SlowBodyServer::start(|_, path| {
            SlowAnswer::json(200, &serde_json::json!({ "path": path })).body_after(ms(300))
        })
        .await;
        crate::client::install_tls_provider();
        let client = reqwest::Client::new();
        let started = Instant::now();
        let response = client
            .get(format!("{}/a/b?c=1", server.uri()))
            .header("x-mark", "yes")
            .send()
            .await
            .expect("the head arrives");
        let head_after = started.elapsed();
        assert_eq!(server.peak_open(), 1);
        assert!(
            server.arrivals()[0].ended.is_none(),
            "the body is not written yet"
        );
        let body: serde_json::Value = response.json().await.expect("the body arrives");
        let body_after = started.elapsed();
        assert!(head_after < ms(200), "{head_after:?}");
        assert!(body_after >= ms(300), "{body_after:?}");
        assert_eq!(body["path"], "/a/b?c=1");
        let arrival = &server.arrivals()[0];
        assert_eq!(arrival.method, "GET");
        assert_eq!(arrival.header("X-Mark"), Some("yes"));
        assert!(arrival.complete && arrival.ended.is_some());
    }

    /// A hang-up is a request that fails with no status, seen arriving but never answered.
    #[tokio::test]
    async fn a_hang_up_fails_the_request_with_no_status() {
        let server = SlowBodyServer::start(|_, _| SlowAnswer::hang_up()).await;
        crate::client::install_tls_provider();
        let err = reqwest::Client::new()
            .get(server.uri())
            .send()
            .await
            .expect_err("no answer");
        assert!(err.is_request() && err.status().is_none(), "{err:?}");
        let arrival = &server.arrivals()[0];
        assert!(!arrival.complete && arrival.ended.is_some());
    }

    /// Answers read one after another on a kept-alive connection never overlap; answers whose
    /// heads are in but whose bodies are not do.
    #[tokio::test]
    async fn counts_the_answers_open_at_once() {
        let server = SlowBodyServer::start(|_, _| {
            SlowAnswer::raw(200, "ok", "text/plain").body_after(ms(50))
        })
        .await;
        crate::client::install_tls_provider();
        let client = reqwest::Client::new();
        for _ in 0..3 {
            let response = client.get(server.uri()).send().await.expect("an answer");
            assert_eq!(response.text().await.expect("a body"), "ok");
        }
        assert_eq!(server.peak_open(), 1);
        let mut heads = Vec::new();
        for _ in 0..3 {
            heads.push(client.get(server.uri()).send().await.expect("a head"));
        }
        assert_eq!(server.peak_open(), 3);
        assert_eq!(server.peak_open_from(3), 3);
        assert_eq!(server.peak_open_from(5), 1);
        drop(heads);
        assert_eq!(server.arrivals().len(), 6);
    }

    /// Bodies held for a gathering all go once that many answers are open, and without it,
    /// `quiet` after the last arrival.
    #[tokio::test]
    async fn holds_bodies_until_a_gathering() {
        let server = SlowBodyServer::start(|_, _| {
            SlowAnswer::raw(200, "ok", "text/plain").body_when_gathered(4, ms(400))
        })
        .await;
        crate::client::install_tls_provider();
        let client = reqwest::Client::new();
        let get = || async { client.get(server.uri()).send().await?.text().await };

        let started = Instant::now();
        let four = futures::future::join_all((0..4).map(|_| get())).await;
        assert!(
            four.iter()
                .all(|body| body.as_deref().is_ok_and(|b| b == "ok"))
        );
        assert!(started.elapsed() < ms(300), "{:?}", started.elapsed());
        assert_eq!(server.peak_open(), 4);

        let server = SlowBodyServer::start(|_, _| {
            SlowAnswer::raw(200, "ok", "text/plain").body_when_gathered(4, ms(400))
        })
        .await;
        let get = || async { client.get(server.uri()).send().await?.text().await };
        let started = Instant::now();
        let three = futures::future::join_all((0..3).map(|_| get())).await;
        assert!(three.iter().all(|body| body.is_ok()));
        let took = started.elapsed();
        assert!(took >= ms(400) && took < ms(2000), "{took:?}");
        assert_eq!(server.peak_open(), 3);
    }
}
