//! The limits that keep a long-running [`serve`] answering when clients misbehave: a client
//! that sends half a header, one that keeps a connection idle, one that trickles its body, a
//! crowd past the connection cap, a body past [`MAX_REQUEST_BODY`], and (through the binary)
//! a crowd under a low `ulimit -n`.
//!
//! These speak raw TCP where a polite client (reqwest) cannot misbehave the way the test
//! needs. Every bound is checked from the server's side where it can be: a timeout cannot
//! fire early, so "closed no sooner than the timeout" is exact; "closed at all" gets a
//! generous margin, so that a busy machine slows these tests down without failing them.

mod common;

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use common::client;
use mock_server::{Latency, MAX_REQUEST_BODY, ServeLimits, ServeOptions, serve};
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::oneshot;

/// Far longer than any timeout these tests set, however busy the machine.
const MARGIN: Duration = Duration::from_secs(20);

/// A [`serve`] task on a loopback port with these limits. Stops when the sender is dropped.
fn start(limits: ServeLimits) -> (SocketAddr, oneshot::Sender<()>) {
    start_with(ServeOptions {
        limits,
        ..ServeOptions::default()
    })
}

/// A [`serve`] task on a loopback port with these options. Stops when the sender is dropped.
fn start_with(options: ServeOptions) -> (SocketAddr, oneshot::Sender<()>) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
    let address = listener.local_addr().expect("an address");
    let (stop, stopped) = oneshot::channel::<()>();
    tokio::spawn(serve(listener, options, async {
        let _ = stopped.await;
    }));
    (address, stop)
}

/// Limits with a short header-read timeout, so that a test sees it act.
fn header_timeout(timeout: Duration) -> ServeLimits {
    ServeLimits {
        header_read_timeout: timeout,
        ..ServeLimits::default()
    }
}

/// Reads until the server closes the connection (end of stream, or a reset), and returns what
/// arrived. Panics if it stays open past [`MARGIN`].
async fn read_until_closed(stream: &mut TcpStream) -> Vec<u8> {
    let mut received = Vec::new();
    let mut buffer = [0; 8192];
    let reading = async {
        loop {
            match stream.read(&mut buffer).await {
                Ok(0) | Err(_) => break,
                Ok(read) => received.extend_from_slice(&buffer[..read]),
            }
        }
    };
    tokio::time::timeout(MARGIN, reading)
        .await
        .expect("the server closes the connection");
    received
}

/// The status code and body of a raw HTTP/1.1 answer.
fn status_and_body(answer: &[u8]) -> (u16, &[u8]) {
    let text = String::from_utf8_lossy(answer);
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or_else(|| panic!("not an HTTP answer: {text:?}"));
    let body_at = answer
        .windows(4)
        .position(|window| window == b"\r\n\r\n")
        .map_or(answer.len(), |end| end + 4);
    (status, &answer[body_at..])
}

/// A client that sends the start of a request header and then nothing (a "slowloris") is
/// disconnected once the header-read timeout has passed, not before.
#[tokio::test]
async fn a_client_that_sends_half_a_header_is_disconnected_after_the_header_timeout() {
    const TIMEOUT: Duration = Duration::from_millis(500);
    let (address, _stop) = start(header_timeout(TIMEOUT));
    let started = Instant::now();
    let mut stream = TcpStream::connect(address).await.unwrap();
    stream
        .write_all(b"GET /posts/1 HTTP/1.1\r\nHost: localhost\r\nX-Slow: ")
        .await
        .unwrap();

    read_until_closed(&mut stream).await;
    assert!(
        started.elapsed() >= TIMEOUT,
        "closed after {:?}",
        started.elapsed()
    );
}

/// A client that connects and never sends a byte is disconnected by the same clock.
#[tokio::test]
async fn a_client_that_sends_nothing_is_disconnected_after_the_header_timeout() {
    const TIMEOUT: Duration = Duration::from_millis(500);
    let (address, _stop) = start(header_timeout(TIMEOUT));
    let started = Instant::now();
    let mut stream = TcpStream::connect(address).await.unwrap();

    let received = read_until_closed(&mut stream).await;
    assert!(
        started.elapsed() >= TIMEOUT,
        "closed after {:?}",
        started.elapsed()
    );
    assert!(
        received.is_empty(),
        "{:?}",
        String::from_utf8_lossy(&received)
    );
}

/// A kept-alive connection that has had its answer and sends nothing more is closed once the
/// timeout has passed since that answer: hyper's header clock restarts for the next request,
/// so it is the idle timeout as well. (And it does not run while the answer is prepared: with a
/// latency longer than the timeout, the answer still arrives.)
#[tokio::test]
async fn an_idle_keep_alive_connection_is_closed_after_the_header_timeout() {
    const TIMEOUT: Duration = Duration::from_millis(500);
    const LATENCY: Duration = Duration::from_millis(800);
    let (address, _stop) = start_with(ServeOptions {
        latency: Latency::Fixed(LATENCY),
        limits: header_timeout(TIMEOUT),
        ..ServeOptions::default()
    });
    let mut stream = TcpStream::connect(address).await.unwrap();
    // The server cannot answer before the latency has passed, nor close before the timeout
    // has passed after that: the bound below holds however slow this side is.
    let sent = Instant::now();
    stream
        .write_all(b"GET /posts/1 HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .await
        .unwrap();
    // Read the answer: its header, then as many bytes as its Content-Length says.
    let mut answer = Vec::new();
    let mut buffer = [0; 4096];
    let complete = |answer: &[u8]| {
        let text = String::from_utf8_lossy(answer);
        let (head, body) = text.split_once("\r\n\r\n")?;
        let length: usize = head
            .lines()
            .find_map(|line| line.strip_prefix("content-length: "))?
            .parse()
            .ok()?;
        (body.len() >= length).then_some(())
    };
    while complete(&answer).is_none() {
        let read = stream.read(&mut buffer).await.unwrap();
        assert!(read > 0, "closed before the answer was complete");
        answer.extend_from_slice(&buffer[..read]);
    }
    assert_eq!(status_and_body(&answer).0, 200);

    let after = read_until_closed(&mut stream).await;
    assert!(
        sent.elapsed() >= LATENCY + TIMEOUT,
        "closed {:?} after the request",
        sent.elapsed()
    );
    assert!(after.is_empty(), "{:?}", String::from_utf8_lossy(&after));
}

/// A request whose body stops arriving is cut off once the body-read timeout has passed.
#[tokio::test]
async fn a_body_that_stops_arriving_is_cut_off_after_the_body_timeout() {
    const TIMEOUT: Duration = Duration::from_millis(500);
    let (address, _stop) = start(ServeLimits {
        body_read_timeout: TIMEOUT,
        ..ServeLimits::default()
    });
    let mut stream = TcpStream::connect(address).await.unwrap();
    // Before sending: the server's clock cannot start before its header arrives.
    let sent = Instant::now();
    stream
        .write_all(b"POST /posts HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"title\":")
        .await
        .unwrap();

    read_until_closed(&mut stream).await;
    assert!(
        sent.elapsed() >= TIMEOUT,
        "closed after {:?}",
        sent.elapsed()
    );
}

/// A body declared larger than the limit is refused with 413 and a JSON body before a byte of
/// it is read: here the client sends the header alone, and still gets its answer.
#[tokio::test]
async fn a_body_declared_over_the_limit_gets_413_without_being_read() {
    let (address, _stop) = start(ServeLimits::default());
    let mut stream = TcpStream::connect(address).await.unwrap();
    let header = format!(
        "POST /posts HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        50 * 1024 * 1024
    );
    stream.write_all(header.as_bytes()).await.unwrap();

    let answer = read_until_closed(&mut stream).await;
    let (status, body) = status_and_body(&answer);
    assert_eq!(status, 413, "{:?}", String::from_utf8_lossy(&answer));
    let body: Value = serde_json::from_slice(body).expect("a JSON body");
    assert!(
        body["error"]
            .as_str()
            .is_some_and(|error| error.contains("65536")),
        "{body}"
    );
}

/// A chunked body, which declares no length, is counted as it arrives and refused with 413 as
/// soon as it passes the limit, without waiting for its end (which never comes here).
#[tokio::test]
async fn a_chunked_body_over_the_limit_gets_413_once_it_passes_the_limit() {
    let (address, _stop) = start(ServeLimits::default());
    let mut stream = TcpStream::connect(address).await.unwrap();
    stream
        .write_all(b"POST /posts HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
        .await
        .unwrap();
    // Two chunks of 40 KiB: over the 64 KiB limit together, with no final chunk after them.
    let chunk = vec![b' '; 40 * 1024];
    for _ in 0..2 {
        stream
            .write_all(format!("{:x}\r\n", chunk.len()).as_bytes())
            .await
            .unwrap();
        stream.write_all(&chunk).await.unwrap();
        stream.write_all(b"\r\n").await.unwrap();
    }

    let answer = read_until_closed(&mut stream).await;
    let (status, body) = status_and_body(&answer);
    assert_eq!(status, 413, "{:?}", String::from_utf8_lossy(&answer));
    serde_json::from_slice::<Value>(body).expect("a JSON body");
}

/// A body of exactly the limit is an ordinary request: the limit refuses only what passes it,
/// and a POST answers as JSONPlaceholder does.
#[tokio::test]
async fn a_body_at_the_limit_is_answered_as_usual() {
    let (address, _stop) = start(ServeLimits::default());
    let wrapper = r#"{"title":""}"#;
    let title = "a".repeat(MAX_REQUEST_BODY - wrapper.len());
    let body = format!(r#"{{"title":"{title}"}}"#);
    assert_eq!(body.len(), MAX_REQUEST_BODY);

    let response = client()
        .post(format!("http://{address}/posts"))
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    let created: Value = response.json().await.unwrap();
    assert_eq!(created["id"], 101);
    assert_eq!(created["title"].as_str().map(str::len), Some(title.len()));
}

/// While the cap is full, a newcomer gets a well-formed 503 with `Retry-After` at once (not a
/// hang); once the crowd is gone, the next client is answered as usual.
#[tokio::test]
async fn a_newcomer_past_the_connection_cap_gets_503_until_the_crowd_leaves() {
    const CAP: usize = 4;
    let (address, _stop) = start(ServeLimits {
        max_connections: CAP,
        ..ServeLimits::default()
    });
    let url = format!("http://{address}/posts/1");
    // Each of these is answered once, so it is known to hold its place under the cap; then it
    // stays connected, idle (the header timeout is the default 30 s).
    let mut crowd = Vec::new();
    for _ in 0..CAP {
        let mut stream = TcpStream::connect(address).await.unwrap();
        stream
            .write_all(b"GET /users/1 HTTP/1.1\r\nHost: localhost\r\n\r\n")
            .await
            .unwrap();
        let mut buffer = [0; 4096];
        let read = stream.read(&mut buffer).await.unwrap();
        assert_eq!(status_and_body(&buffer[..read]).0, 200);
        crowd.push(stream);
    }

    let refused = client()
        .get(&url)
        .send()
        .await
        .expect("a well-formed answer");
    assert_eq!(refused.status(), 503);
    assert_eq!(refused.headers()["retry-after"], "1");
    refused.json::<Value>().await.expect("a JSON body");

    drop(crowd);
    // The server learns of the departures as its connection tasks see the ends of stream:
    // soon, but not at the very instant this side closes. A client that honours Retry-After
    // gets in at its next try or so.
    let deadline = Instant::now() + MARGIN;
    loop {
        let response = client().get(&url).send().await.unwrap();
        if response.status() == 200 {
            break;
        }
        assert_eq!(response.status(), 503);
        assert!(
            Instant::now() < deadline,
            "still refused after the crowd left"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// A crowd of idle connections, ten times the cap, that never leaves by itself: the ones past
/// the cap are closed (they send no request, so they get no 503), the rest are timed out, and
/// afterwards a well-behaved client is answered.
#[tokio::test]
async fn an_idle_crowd_past_the_cap_is_closed_and_the_server_still_answers() {
    const CAP: usize = 8;
    const CROWD: usize = 80;
    let (address, _stop) = start(ServeLimits {
        max_connections: CAP,
        header_read_timeout: Duration::from_millis(500),
        ..ServeLimits::default()
    });
    let mut crowd = Vec::new();
    for _ in 0..CROWD {
        crowd.push(TcpStream::connect(address).await.unwrap());
    }
    // Every one of them is closed by the server, without a word: it asked nothing.
    let endings = futures::future::join_all(
        crowd
            .iter_mut()
            .map(|stream| async { read_until_closed(stream).await }),
    )
    .await;
    assert!(endings.iter().all(Vec::is_empty));

    let deadline = Instant::now() + MARGIN;
    loop {
        let response = client()
            .get(format!("http://{address}/posts/1"))
            .send()
            .await
            .unwrap();
        if response.status() == 200 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "still refused after the crowd was closed"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The `mock-server` binary under `ulimit -n 64`, with a crowd of idle connections larger than
/// its whole descriptor table: accepting fails with "too many open files" until the timeouts
/// free descriptors. It says so in one line (not one per failure), keeps going, closes the
/// whole crowd in turn, and then answers a normal request.
#[cfg(unix)]
#[tokio::test]
async fn under_a_low_descriptor_limit_an_idle_crowd_does_not_stop_the_binary() {
    use std::io::{BufRead, BufReader, Read};
    use std::process::{Command, Stdio};

    const CROWD: usize = 100;
    // `sh` lowers its own limit, then becomes the server (`exec`), which inherits it.
    let mut child = Command::new("sh")
        .args([
            "-c",
            r#"ulimit -n 64 && exec "$0" --port 0 --header-timeout 1s"#,
        ])
        .arg(env!("CARGO_BIN_EXE_mock-server"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("sh starts");
    let stdout = child.stdout.take().expect("stdout is piped");
    let url_line = tokio::task::spawn_blocking(move || {
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        line
    });
    let line = tokio::time::timeout(MARGIN, url_line)
        .await
        .expect("the binary prints its URL")
        .unwrap();
    let url = line
        .split_whitespace()
        .find(|word| word.starts_with("http://"))
        .unwrap_or_else(|| panic!("no URL in {line:?}"))
        .to_owned();
    let address: SocketAddr = url.trim_start_matches("http://").parse().unwrap();

    // More idle connections than the server has descriptors: the kernel completes them all
    // (its queue holds 128), the server accepts what it can and times those out, then the next.
    let mut crowd = Vec::new();
    for _ in 0..CROWD {
        crowd.push(TcpStream::connect(address).await.unwrap());
    }
    let endings = futures::future::join_all(
        crowd
            .iter_mut()
            .map(|stream| async { read_until_closed(stream).await }),
    )
    .await;
    assert!(endings.iter().all(Vec::is_empty));

    let response = client().get(format!("{url}/posts/1")).send().await;
    let still_running = child.try_wait().unwrap().is_none();
    let _ = child.kill();
    let _ = child.wait();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("stderr is piped")
        .read_to_string(&mut stderr)
        .unwrap();
    assert!(still_running, "the server exited: {stderr}");
    assert_eq!(response.expect("an answer after the crowd").status(), 200);
    // The shortage was met and reported, once per ten seconds (once, unless this machine is
    // very slow), where a line for each failed accept, every tenth of a second, would flood.
    let reports = stderr
        .lines()
        .filter(|line| line.contains("cannot accept a connection"))
        .count();
    assert!((1..=3).contains(&reports), "{stderr}");
    assert!(stderr.contains("Too many open files"), "{stderr}");
}
