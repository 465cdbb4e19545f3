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

use std::future::Future;
use std::io;
use std::sync::Arc;
use std::time::Duration;

use http_body_util::{BodyExt, Full};
use hyper::body::{Bytes, Incoming};
use hyper::header::{CONTENT_TYPE, HeaderValue};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Response, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;
use tokio::sync::watch;
use tokio::task::JoinSet;
use wiremock::Request;
use wiremock::http::Url;

use crate::knobs::{Fault, Latency};
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
}

/// How long a stopping server lets answers already under way finish (a slow latency, a
/// client still sending) before it cuts their connections.
const GRACE: Duration = Duration::from_secs(5);

/// How long the accept loop pauses after an accept error such as "too many open files": long
/// enough for connections to close and free descriptors, short enough to go unnoticed.
const ACCEPT_BACKOFF: Duration = Duration::from_millis(100);

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
    let shared = Arc::new(Shared::new(options, false));
    run(listener, shared, shutdown)
}

/// The server's accept loop and its orderly stop (see [`serve`]).
async fn run(
    listener: std::net::TcpListener,
    shared: Arc<Shared>,
    shutdown: impl Future<Output = ()>,
) -> io::Result<()> {
    listener.set_nonblocking(true)?;
    let listener = tokio::net::TcpListener::from_std(listener)?;
    // `true` once the server is stopping: every connection task watches it.
    let (stopping, stop_seen) = watch::channel(false);
    // The connection tasks, so that stopping can wait for them; finished ones are collected as
    // the loop goes, so the set only ever holds the open connections.
    let mut connections = JoinSet::new();

    tokio::pin!(shutdown);
    loop {
        tokio::select! {
            biased;
            () = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _peer)) => {
                    connections.spawn(connection(stream, shared.clone(), stop_seen.clone()));
                }
                Err(err) => {
                    // A client that gave up before we accepted it is its own problem; anything
                    // else (EMFILE, ENOBUFS) is the machine's, and retrying at once would only
                    // spin. Either way the loop goes on.
                    if !is_client_side(&err) {
                        eprintln!("mock-server: cannot accept a connection ({err}); retrying");
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

/// Serves one connection until the client closes it, a fault drops it, or the server stops.
async fn connection(stream: TcpStream, shared: Arc<Shared>, mut stop_seen: watch::Receiver<bool>) {
    // Answers are small and latency is the point of the exercise: send each one at once rather
    // than let Nagle's algorithm hold it back waiting for more.
    let _ = stream.set_nodelay(true);
    let service = service_fn(move |request| answer_one(shared.clone(), request));
    let connection = http1::Builder::new().serve_connection(TokioIo::new(stream), service);
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

/// Why [`answer_one`] gives hyper no answer. Either way hyper closes the connection.
type NoAnswer = Box<dyn std::error::Error + Send + Sync>;

/// Answers one request: read it, let the engine decide, wait, answer (or drop the connection).
async fn answer_one(
    shared: Arc<Shared>,
    request: hyper::Request<Incoming>,
) -> Result<Response<Full<Bytes>>, NoAnswer> {
    let request = read(request).await?;
    let ticket = shared.admit(request.url.path());
    match shared.respond(ticket, &request) {
        Outcome::Drop => Err(ConnectionDropped.into()),
        Outcome::Answer { reply, after } => {
            // Only this request waits: the task sleeps, and other connections carry on.
            if !after.is_zero() {
                tokio::time::sleep(after).await;
            }
            let mut response = Response::new(Full::new(Bytes::from(reply.body)));
            *response.status_mut() =
                StatusCode::from_u16(reply.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            let headers = response.headers_mut();
            headers.insert(CONTENT_TYPE, HeaderValue::from_static(JSON));
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

/// Reads a whole request into wiremock's `Request`, the shape the engine and the routes take,
/// exactly as wiremock does for the other front end.
async fn read(request: hyper::Request<Incoming>) -> Result<Request, NoAnswer> {
    let (parts, body) = request.into_parts();
    let body = body.collect().await?.to_bytes();
    // Requests name a path (`/posts/1`); a URL needs a scheme and host around it. The routes
    // take the host for `Link` headers from the `Host` header, not from here.
    let url: Url = match parts.uri.authority() {
        Some(_) => parts.uri.to_string().parse()?,
        None => format!("http://localhost{}", parts.uri).parse()?,
    };
    Ok(Request {
        url,
        method: parts.method,
        headers: parts.headers,
        body: body.to_vec(),
    })
}
