//! The hyper front end: the same engine as [`crate::MockApi`], served by hyper directly, for a
//! server that runs for hours. This is what the `mock-server` binary runs.
//!
//! wiremock is built for tests: it keeps a copy of every request it answered, so that a test can
//! ask afterwards what it received. Under a load test that is gigabytes within minutes. Here
//! nothing outlives its request: each connection is a task that reads a request, asks the
//! engine (`server.rs`) what to do, waits the latency with a timer, and writes the answer, so the
//! memory in use depends on how many connections are open, never on how many requests came.
//!
//! The pieces, from the outside in: an accept loop that spawns one task per connection and
//! survives accept errors; hyper's HTTP/1 connection driver; and [`answer_one`], the function
//! hyper calls for each request.
//!
//! A server that runs for hours also meets clients that misbehave, by malice or by bug, and
//! each kind would hold something forever without a limit (see [`ServeLimits`]):
//! - a client that connects and sends nothing, or half a request header, or stays connected
//!   between requests and never sends another: hyper's header-read timeout closes it;
//! - a client that sends its body a byte at a time: a body-read timeout closes it;
//! - a crowd of connections: past a cap, newcomers get a quick 503 and are closed, so the
//!   server's file descriptors stay available; and if the process runs out of descriptors
//!   anyway (a low `ulimit -n`), the accept loop pauses briefly and carries on;
//! - a huge body: refused with 413 past [`MAX_REQUEST_BODY`], without reading the rest of it.

use std::future::Future;
use std::io::{self, Write as _};
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use http_body_util::{BodyExt, Either, Full, LengthLimitError, Limited};
use hyper::body::{Body as _, Bytes, Frame, Incoming, SizeHint};
use hyper::header::{CONNECTION, CONTENT_TYPE, HeaderValue, RETRY_AFTER};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::TcpStream;
use tokio::sync::{OwnedSemaphorePermit, Semaphore, watch};
use tokio::task::JoinSet;
use wiremock::Request;
use wiremock::http::Url;

use crate::files::{OCTET_STREAM, PIECE, file_bytes};
use crate::knobs::{Fault, Latency};
use crate::routes::Body;
use crate::server::{ConnectionDropped, JSON, Outcome, Shared};

/// The knobs of a [`serve`]d API: the same latency, faults and seed as
/// [`crate::MockApiBuilder`], which keeps one of these inside.
///
/// ```
/// use std::time::Duration;
/// use mock_server::{Fault, FaultEffect, FaultSelect, Latency, ServeOptions};
///
/// let options = ServeOptions {
///     latency: Latency::Fixed(Duration::from_millis(200)),
///     faults: vec![Fault { select: FaultSelect::EveryNth(5), effect: FaultEffect::Status(503) }],
///     ..ServeOptions::default()
/// };
/// # let _ = options;
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ServeOptions {
    /// Waits before every answer (default: [`Latency::None`]).
    pub latency: Latency,
    /// Seeds [`Latency::Range`] and [`crate::FaultSelect::Share`] (default 0): the same seed
    /// gives the same delays and the same failing requests on every run.
    pub seed: u64,
    /// The faults, first added first: when several select a request, the first one applies.
    pub faults: Vec<Fault>,
    /// Serves the API under this path instead of at the root (default: empty, the root): with
    /// `/api/v1`, post 1 is `/api/v1/posts/1`, and `/posts/1` is a 404 like any unknown path.
    /// Many real APIs live under such a prefix; it shows whether a client keeps the path of its
    /// base URL. Give it with a leading slash and without a trailing one.
    pub base_path: String,
    /// How long slow or idle clients may hold a connection, and how many connections may be
    /// open at once. Only [`serve`] applies them; the wiremock front end, which lives for one
    /// test, ignores them.
    pub limits: ServeLimits,
}

/// The limits that keep a [`serve`]d API answering when clients misbehave: what a slow, idle or
/// crowding client may hold, and for how long. The defaults suit a server a learner runs for
/// hours; tests shorten them to see them act.
///
/// ```
/// use std::time::Duration;
/// use mock_server::{ServeLimits, ServeOptions};
///
/// let options = ServeOptions {
///     limits: ServeLimits {
///         header_read_timeout: Duration::from_secs(5),
///         ..ServeLimits::default()
///     },
///     ..ServeOptions::default()
/// };
/// # let _ = options;
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ServeLimits {
    /// How long a connection may take to deliver a complete request header, counted from the
    /// moment the server is ready for one: from the accept for the first request, and from the
    /// end of the previous answer for each one after it (default 30 s, hyper's own default).
    ///
    /// So it is the idle timeout too: hyper starts this clock whenever it waits for the next
    /// request on a kept-alive connection (`proto/h1/conn.rs` in hyper 1.x), and one clock
    /// covers a client that sends nothing, one that sends half a header (a "slowloris"), and
    /// one that keeps a connection open and never uses it again. The clock counts the whole
    /// header, not the gap between bytes, so a byte every second does not keep it alive. A
    /// client's pool keeps idle connections longer than this (reqwest: 90 s) and simply opens
    /// a new one when it finds the old one closed.
    pub header_read_timeout: Duration,
    /// How long a request's body may take to arrive once its header has (default 30 s). The
    /// bodies here are small ([`MAX_REQUEST_BODY`]), so only a client that stalls on purpose or
    /// by bug gets near it; its connection is closed without an answer.
    pub body_read_timeout: Duration,
    /// How many connections may be open at once (default 1,024). A newcomer past the cap gets
    /// `503 Service Unavailable` with `Retry-After: 1` as soon as it has sent its request
    /// header (within a second, or it is closed without one), and is closed, rather than made
    /// to wait in the kernel's queue behind the crowd: refusals are quick and few at a time
    /// (64), so the crowd's descriptors stay near the cap, and a well-behaved client gets in
    /// as soon as the idle ones time out. 1,024 is above the
    /// concurrency the lessons use by default (lesson 03 allows 1,000 requests at once) and, on
    /// most machines, near the default descriptor limit, where the accept loop's own pause on
    /// "too many open files" takes over.
    pub max_connections: usize,
}

impl Default for ServeLimits {
    fn default() -> ServeLimits {
        ServeLimits {
            header_read_timeout: Duration::from_secs(30),
            body_read_timeout: Duration::from_secs(30),
            max_connections: 1024,
        }
    }
}

/// The largest request body the [`serve`]d API reads: 64 KiB. A larger one is answered `413
/// Payload Too Large` (with a JSON body and one line on stderr) and its connection closed,
/// without reading the rest.
///
/// JSONPlaceholder's bodies are small: a post is a few hundred bytes, the largest item (a
/// user) under a kilobyte, so 64 KiB leaves ample room for any honest request. The limit is
/// what keeps memory flat: the engine echoes a body back, so without it every request could
/// hold its whole body twice (a 50 MB POST did; four at once took the server to 544 MB). With
/// it, a full house of [`ServeLimits::max_connections`] holds at most 64 MiB of bodies.
pub const MAX_REQUEST_BODY: usize = 64 * 1024;

/// How long a stopping server lets answers already under way finish (a slow latency, a
/// client still sending) before it cuts their connections.
const GRACE: Duration = Duration::from_secs(5);

/// How long the accept loop pauses after an accept error such as "too many open files": long
/// enough for connections to close and free descriptors, short enough to go unnoticed.
const ACCEPT_BACKOFF: Duration = Duration::from_millis(100);

/// How long a newcomer past [`ServeLimits::max_connections`] has to send its request header
/// before it is closed without its 503: an honest client sends it at once.
const REFUSAL_TIMEOUT: Duration = Duration::from_secs(1);

/// How many newcomers past the cap may be waiting for their 503 at once. Each holds a
/// descriptor for up to [`REFUSAL_TIMEOUT`]; past this many, a newcomer is closed without a
/// word, so that a crowd cannot turn the refusals themselves into a way to use up descriptors.
const REFUSALS_AT_ONCE: usize = 64;

/// Serves the mock API on `listener` until `shutdown` completes, keeping no record of requests.
///
/// It answers exactly like a [`crate::MockApi`] with the same knobs (same routes, same bytes,
/// same request numbering, latency draws and faults) but through hyper alone, so its memory
/// stays flat however many requests arrive. Use it for anything long-running; use `MockApi`
/// in tests, where its arrival log is worth the memory.
///
/// When `shutdown` completes, the server stops accepting connections at once, lets answers
/// already under way finish (for up to five seconds), closes every connection, and returns
/// `Ok(())`. An error accepting one connection (a full descriptor table, say) is reported on
/// stderr and retried after a short pause; it never stops the server.
///
/// Slow, idle and crowding clients are held to `options.limits` (see [`ServeLimits`]), and
/// bodies to [`MAX_REQUEST_BODY`].
///
/// ```no_run
/// # async fn demo() -> std::io::Result<()> {
/// use mock_server::{ServeOptions, serve};
///
/// let listener = std::net::TcpListener::bind("127.0.0.1:3000")?;
/// serve(listener, ServeOptions::default(), async {
///     let _ = tokio::signal::ctrl_c().await;
/// })
/// .await
/// # }
/// ```
///
/// # Errors
/// Only if the listener cannot be handed to tokio (it must be a listening socket; it is made
/// non-blocking here).
///
/// # Panics
/// On a fault that can never make sense, as [`crate::MockApiBuilder::fault`] does.
pub fn serve<S>(
    listener: std::net::TcpListener,
    options: ServeOptions,
    shutdown: S,
) -> impl Future<Output = io::Result<()>> + use<S>
where
    S: Future<Output = ()>,
{
    // Not an `async fn`: this part runs at the call, before the first poll. Building the data
    // set takes a moment (a few hundred milliseconds in a debug build), and a caller that starts
    // the server and then its clients wants that moment spent before the clients' first request,
    // not inside its timings.
    options.faults.iter().for_each(Fault::check);
    let limits = options.limits;
    let shared = Arc::new(Shared::new(options, false));
    run(listener, shared, limits, shutdown)
}

/// The server's accept loop and its orderly stop (see [`serve`]).
async fn run(
    listener: std::net::TcpListener,
    shared: Arc<Shared>,
    limits: ServeLimits,
    shutdown: impl Future<Output = ()>,
) -> io::Result<()> {
    listener.set_nonblocking(true)?;
    let listener = tokio::net::TcpListener::from_std(listener)?;
    // `true` once the server is stopping: every connection task watches it.
    let (stopping, stop_seen) = watch::channel(false);
    // The connection tasks, so that stopping can wait for them; finished ones are collected as
    // the loop goes, so the set only ever holds the open connections.
    let mut connections = JoinSet::new();
    // One permit per open connection: a connection's task holds its permit and returns it when
    // it ends, however it ends, so the permits left are the room left under the cap.
    let room = Arc::new(Semaphore::new(limits.max_connections));
    // The same for the newcomers being refused (see `REFUSALS_AT_ONCE`).
    let refusal_room = Arc::new(Semaphore::new(REFUSALS_AT_ONCE));
    // A crowd or a descriptor shortage repeats on every accept; one line says so, and the
    // next is held back for a while, rather than one line per refused client.
    let mut refusals = Throttled::default();
    let mut accept_errors = Throttled::default();

    tokio::pin!(shutdown);
    loop {
        tokio::select! {
            biased;
            () = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _peer)) => {
                    match room.clone().try_acquire_owned() {
                        Ok(permit) => {
                            let stop_seen = stop_seen.clone();
                            let task =
                                connection(stream, shared.clone(), limits, stop_seen, permit);
                            connections.spawn(task);
                        }
                        Err(_) => {
                            refusals.log(format_args!(
                                "{} connections open, the most allowed; answering newcomers 503 until some close",
                                limits.max_connections
                            ));
                            if let Ok(permit) = refusal_room.clone().try_acquire_owned() {
                                connections.spawn(refuse(stream, permit));
                            }
                            // Otherwise the stream is dropped here, which closes it: its
                            // descriptor is free at once.
                        }
                    }
                }
                Err(err) => {
                    // A client that gave up before we accepted it is its own problem; anything
                    // else (EMFILE, ENOBUFS) is the machine's, and retrying at once would only
                    // spin: the waiting connection is still there, so `accept` fails again at
                    // once. Pause, so that open connections can finish (or time out) and free
                    // their descriptors, then go on serving.
                    if !is_client_side(&err) {
                        accept_errors.log(format_args!(
                            "cannot accept a connection ({err}); retrying every {}ms",
                            ACCEPT_BACKOFF.as_millis()
                        ));
                        tokio::time::sleep(ACCEPT_BACKOFF).await;
                    }
                }
            },
            Some(_finished) = connections.join_next(), if !connections.is_empty() => {}
        }
    }

    // Closing the listener makes new connections fail at once rather than hang.
    drop(listener);
    stopping.send_replace(true);
    let drained = async { while connections.join_next().await.is_some() {} };
    let _ = tokio::time::timeout(GRACE, drained).await;
    // Whatever is still open after the grace period is cut.
    connections.shutdown().await;
    Ok(())
}

/// Errors that concern one client's connection attempt, not the server.
fn is_client_side(err: &io::Error) -> bool {
    matches!(
        err.kind(),
        io::ErrorKind::ConnectionAborted
            | io::ErrorKind::ConnectionReset
            | io::ErrorKind::ConnectionRefused
    )
}

/// One line on stderr about the server's own state. Written with `writeln!` and its error
/// ignored, where `eprintln!` would panic: a server whose stderr is closed keeps serving.
fn log(message: std::fmt::Arguments<'_>) {
    let _ = writeln!(io::stderr(), "mock-server: {message}");
}

/// How long a [`Throttled`] log stays quiet after a line.
const LOG_QUIET: Duration = Duration::from_secs(10);

/// A log line that repeats at most every [`LOG_QUIET`]: a crowd or a descriptor shortage gives
/// one line per ten seconds while it lasts, however many clients it turns away.
#[derive(Default)]
struct Throttled {
    last: Option<Instant>,
}

impl Throttled {
    fn log(&mut self, message: std::fmt::Arguments<'_>) {
        let now = Instant::now();
        if self.last.is_none_or(|last| now - last >= LOG_QUIET) {
            self.last = Some(now);
            log(format_args!(
                "{message} (said at most every {}s)",
                LOG_QUIET.as_secs()
            ));
        }
    }
}

/// Tells a newcomer past the cap to come back later: `503 Service Unavailable` with
/// `Retry-After: 1`, then closes its connection.
///
/// It waits for the request first, though only briefly ([`REFUSAL_TIMEOUT`]): an HTTP client
/// reads an answer only to a request it has sent, and one that arrives before is an error to it
/// ("unexpected message"), not a 503. hyper reads the header and writes the answer; the body,
/// if any, is never read.
async fn refuse(stream: TcpStream, _permit: OwnedSemaphorePermit) {
    let service = service_fn(|_request| async {
        let body = r#"{"error":"too many connections; retry shortly"}"#;
        let mut response = Response::new(Full::new(Bytes::from_static(body.as_bytes())));
        *response.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
        let headers = response.headers_mut();
        headers.insert(CONTENT_TYPE, HeaderValue::from_static(JSON));
        headers.insert(RETRY_AFTER, HeaderValue::from_static("1"));
        Ok::<_, std::convert::Infallible>(response)
    });
    let connection = http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(REFUSAL_TIMEOUT)
        // One answer, then close: the point is to give the descriptor back.
        .keep_alive(false)
        .serve_connection(TokioIo::new(stream), service);
    // The header has its timeout; this bounds the rest (a client that never reads the answer).
    let _ = tokio::time::timeout(REFUSAL_TIMEOUT * 2, connection).await;
}

/// Serves one connection until the client closes it, a fault drops it, a limit closes it, or
/// the server stops. `_permit` is its place under the connection cap, given back on return.
async fn connection(
    stream: TcpStream,
    shared: Arc<Shared>,
    limits: ServeLimits,
    mut stop_seen: watch::Receiver<bool>,
    _permit: OwnedSemaphorePermit,
) {
    // Answers are small and latency is the point of the exercise: send each one at once rather
    // than let Nagle's algorithm hold it back waiting for more.
    let _ = stream.set_nodelay(true);
    let body_read_timeout = limits.body_read_timeout;
    let service = service_fn(move |request| answer_one(shared.clone(), body_read_timeout, request));
    // hyper measures time through the timer it is given; without one, its header-read timeout
    // would never fire. Its clock runs whenever hyper waits for a request header, which closes
    // half-sent and idle connections alike (see `ServeLimits::header_read_timeout`).
    let connection = http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_read_timeout)
        .serve_connection(TokioIo::new(stream), service);
    tokio::pin!(connection);
    tokio::select! {
        // The connection ended by itself. An error here is a client that went away or a dropped
        // connection fault: nothing for the server to report.
        _ = connection.as_mut() => {}
        // The value only ever changes once, to `true`: any change means stop. (An error means
        // the server is gone altogether, which also means stop.)
        _ = stop_seen.changed() => {
            // Finish the answer under way, if any, then close instead of waiting for the next
            // request on this keep-alive connection.
            connection.as_mut().graceful_shutdown();
            let _ = connection.await;
        }
    }
}

/// The body of an answer: JSON, whole, or the course's file, a piece at a time.
type Answer = Either<Full<Bytes>, FileBody>;

/// A slice of the course's file (`files.rs`), sent [`PIECE`] bytes at a time with a pause before
/// each piece: the server's latency, applied per piece, so that a slow server is a slow
/// download. Each piece is made when hyper asks for it, so a file of any size costs one piece of
/// memory.
struct FileBody {
    /// The offset of the next byte to send, and the end of the slice.
    next: u64,
    end: u64,
    pause: Duration,
    /// The pause before the next piece, once started.
    sleep: Option<Pin<Box<tokio::time::Sleep>>>,
}

impl FileBody {
    fn new(range: std::ops::Range<u64>, pause: Duration) -> FileBody {
        FileBody {
            next: range.start,
            end: range.end,
            pause,
            sleep: None,
        }
    }
}

impl hyper::body::Body for FileBody {
    type Data = Bytes;
    type Error = std::convert::Infallible;

    fn poll_frame(
        self: Pin<&mut Self>,
        context: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
        let this = self.get_mut();
        if this.next >= this.end {
            return Poll::Ready(None);
        }
        if !this.pause.is_zero() {
            let pause = this.pause;
            let sleep = this
                .sleep
                .get_or_insert_with(|| Box::pin(tokio::time::sleep(pause)));
            std::task::ready!(sleep.as_mut().poll(context));
            this.sleep = None;
        }
        let end = this.end.min(this.next.saturating_add(PIECE as u64));
        let piece = file_bytes(this.next..end);
        this.next = end;
        Poll::Ready(Some(Ok(Frame::data(Bytes::from(piece)))))
    }

    fn is_end_stream(&self) -> bool {
        self.next >= self.end
    }

    fn size_hint(&self) -> SizeHint {
        SizeHint::with_exact(self.end.saturating_sub(self.next))
    }
}

/// Why [`answer_one`] gives hyper no answer. Either way hyper closes the connection.
type NoAnswer = Box<dyn std::error::Error + Send + Sync>;

/// Answers one request: read it, let the engine decide, wait, answer (or drop the connection).
async fn answer_one(
    shared: Arc<Shared>,
    body_read_timeout: Duration,
    request: hyper::Request<Incoming>,
) -> Result<Response<Answer>, NoAnswer> {
    let request = match read(request, body_read_timeout).await? {
        Ok(request) => request,
        Err(too_large) => return Ok(too_large.answer()),
    };
    let ticket = shared.admit(request.url.path());
    match shared.respond(ticket, &request) {
        Outcome::Drop => Err(ConnectionDropped.into()),
        Outcome::Answer { reply, after } => {
            // Only this request waits: the task sleeps, and other connections carry on.
            if !after.is_zero() {
                tokio::time::sleep(after).await;
            }
            let (body, content_type) = match reply.body {
                Body::Json(body) => (Either::Left(Full::new(Bytes::from(body))), JSON),
                Body::File(range) => (Either::Right(FileBody::new(range, after)), OCTET_STREAM),
            };
            let mut response = Response::new(body);
            *response.status_mut() =
                StatusCode::from_u16(reply.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            let headers = response.headers_mut();
            headers.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
            for (name, value) in reply.headers {
                // Values are built from numbers and from the request's own (valid) Host and
                // query, so this never skips one in practice; skipping beats panicking.
                if let Ok(value) = HeaderValue::try_from(value) {
                    headers.insert(name, value);
                }
            }
            // hyper leaves the body out of an answer to HEAD, as HTTP requires.
            Ok(response)
        }
    }
}

/// A request whose body is over [`MAX_REQUEST_BODY`], refused without reading the rest.
struct TooLarge {
    method: hyper::Method,
    path: String,
    /// The length the request declared (`Content-Length`), if it declared one.
    declared: Option<u64>,
}

impl TooLarge {
    /// Logs one line and builds the 413. `Connection: close` because the rest of the body is
    /// still on its way: the connection cannot carry another request, and hyper closes it once
    /// the answer is out instead of reading what remains.
    fn answer(self) -> Response<Answer> {
        let declared = match self.declared {
            Some(length) => format!("declared {length} bytes"),
            None => "sent without a length".to_owned(),
        };
        log(format_args!(
            "413 to {} {}: its body ({declared}) is over the {MAX_REQUEST_BODY}-byte limit",
            self.method, self.path
        ));
        let body = format!(
            r#"{{"error":"the request body is over the {MAX_REQUEST_BODY}-byte limit of this server"}}"#
        );
        let mut response = Response::new(Either::Left(Full::new(Bytes::from(body))));
        *response.status_mut() = StatusCode::PAYLOAD_TOO_LARGE;
        let headers = response.headers_mut();
        headers.insert(CONTENT_TYPE, HeaderValue::from_static(JSON));
        headers.insert(CONNECTION, HeaderValue::from_static("close"));
        response
    }
}

/// Reads a whole request into wiremock's `Request`, the shape the engine and the routes take,
/// exactly as wiremock does for the other front end; or, for a body over [`MAX_REQUEST_BODY`],
/// a [`TooLarge`] after reading no more than the limit.
///
/// # Errors
/// A body that breaks off or takes longer than `body_read_timeout`: then there is nobody to
/// answer, and hyper closes the connection.
async fn read(
    request: hyper::Request<Incoming>,
    body_read_timeout: Duration,
) -> Result<Result<Request, TooLarge>, NoAnswer> {
    let (parts, body) = request.into_parts();
    let too_large = |declared| TooLarge {
        method: parts.method.clone(),
        path: parts.uri.path().to_owned(),
        declared,
    };
    // A declared length is known before a byte of the body is read: refuse at once. (hyper
    // answers a client's `Expect: 100-continue` only when the body is read, so such a client,
    // curl for one, never sends it at all.)
    let declared = body.size_hint().exact();
    if declared.is_some_and(|length| length > MAX_REQUEST_BODY as u64) {
        return Ok(Err(too_large(declared)));
    }
    // Without one (chunked), count as it comes: `Limited` fails as soon as the total passes
    // the limit, so at most the limit (and one chunk) is ever in memory.
    let collected = tokio::time::timeout(
        body_read_timeout,
        Limited::new(body, MAX_REQUEST_BODY).collect(),
    )
    .await
    .map_err(|_elapsed| "the request body took too long")?;
    let body = match collected {
        Ok(collected) => collected.to_bytes(),
        Err(err) if err.is::<LengthLimitError>() => return Ok(Err(too_large(declared))),
        Err(err) => return Err(err),
    };
    // Requests name a path (`/posts/1`); a URL needs a scheme and host around it. The routes
    // take the host for `Link` headers from the `Host` header, not from here.
    let url: Url = match parts.uri.authority() {
        Some(_) => parts.uri.to_string().parse()?,
        None => format!("http://localhost{}", parts.uri).parse()?,
    };
    Ok(Ok(Request {
        url,
        method: parts.method,
        headers: parts.headers,
        body: body.to_vec(),
    }))
}
