//! Lesson 12: the server half. Starts the lesson's JSON API on loopback, sends it the requests a
//! client would (good ones and bad ones, with the client of the earlier lessons), shows each
//! answer, and shuts it down gracefully while a request is still arriving.
//!
//! ```text
//! cargo run -p lesson-12                     # the tour, then a graceful shutdown
//! cargo run -p lesson-12 -- --serve --port 3000   # then keep serving until Ctrl-C
//! ```

use std::net::SocketAddr;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::Parser;
use lesson_12::{AppState, Limits, app, routes, sample_posts, serve};
use lesson_support::api::format_duration;
use lesson_support::report::shorten;
use lesson_support::{Error, exit_code};
use reqwest::{Client, RequestBuilder};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;

/// Serve the lesson's JSON API (axum) and talk to it with the course's client (reqwest).
#[derive(Parser, Debug)]
struct Args {
    /// The port to listen on, on 127.0.0.1 (0: any free port).
    #[arg(long, default_value_t = 0)]
    port: u16,

    /// How long a request may take, body included, before the server answers 408: `500ms`,
    /// `2s` (100ms to 60s). Short here so that the tour's stalled request does not keep you
    /// waiting.
    #[arg(long, value_name = "DURATION", default_value = "1s", value_parser = parse_timeout)]
    timeout: Duration,

    /// After the tour, keep serving until Ctrl-C, so that you can try it with curl.
    #[arg(long)]
    serve: bool,
}

fn parse_timeout(text: &str) -> Result<Duration, String> {
    match mock_server::parse_duration(text)? {
        limit if limit < Duration::from_millis(100) => {
            Err("at least 100ms: the tour's requests must have time to arrive".into())
        }
        limit if limit > Duration::from_secs(60) => {
            Err("at most 60s: the tour waits for one request to time out".into())
        }
        limit => Ok(limit),
    }
}

/// The bodies' size limit of the lesson's server.
const BODY_LIMIT: usize = 16 * 1024;

fn main() -> ExitCode {
    lesson_support::output::exit_on_write_error();
    let args = Args::parse();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(err) => return exit_code(Err(err.into())),
    };
    exit_code(runtime.block_on(run(&args)))
}

async fn run(args: &Args) -> Result<(), Error> {
    let limits = Limits {
        timeout: args.timeout,
        body: BODY_LIMIT,
    };
    // ANCHOR: start
    let listener = TcpListener::bind(("127.0.0.1", args.port))
        .await
        .map_err(|err| {
            format!(
                "could not listen on 127.0.0.1:{}: {err}; choose another --port, or 0 for any free one",
                args.port
            )
        })?;
    let addr = listener.local_addr()?;
    let (stop, stopped) = oneshot::channel::<()>();
    let app = app(routes(), AppState::new(sample_posts()), limits);
    let server = tokio::spawn(serve(listener, app, async {
        // Shut down when told to, or when the sender is dropped (an error in the tour).
        let _ = stopped.await;
    }));
    // ANCHOR_END: start
    let base = format!("http://{addr}");
    println!("serving the lesson's API on {base}\n");

    let client = lesson_support::client::client(&base)?;
    tour(&client, &base, addr, limits).await?;

    if args.serve {
        println!("\nserving on {base} until Ctrl-C; try:");
        println!("  curl -i {base}/posts/1");
        println!(
            "  curl -i -X POST {base}/posts -H 'content-type: application/json' \
             -d '{{\"userId\": 1, \"title\": \"mine\", \"body\": \"hello\"}}'"
        );
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
        println!("\nCtrl-C: shutting down, after the requests in flight");
        let _ = stop.send(());
        server.await??;
        return Ok(());
    }
    graceful_shutdown(addr, limits.timeout, stop, server).await
}

/// The requests a client sends, and what the API answers to each.
async fn tour(client: &Client, base: &str, addr: SocketAddr, limits: Limits) -> Result<(), Error> {
    println!("what a client asks, and what the server answers:");
    show(
        "GET",
        "/posts?userId=2",
        client.get(format!("{base}/posts?userId=2")),
    )
    .await?;
    show("GET", "/posts/3", client.get(format!("{base}/posts/3"))).await?;
    show("GET", "/posts/42", client.get(format!("{base}/posts/42"))).await?;
    show(
        "GET",
        "/posts/three",
        client.get(format!("{base}/posts/three")),
    )
    .await?;
    show(
        "GET",
        "/posts?userId=two",
        client.get(format!("{base}/posts?userId=two")),
    )
    .await?;
    let new = serde_json::json!({"userId": 3, "title": "posted by reqwest", "body": "hello"});
    show(
        "POST",
        "/posts (a new post)",
        client.post(format!("{base}/posts")).json(&new),
    )
    .await?;
    show("GET", "/posts/6", client.get(format!("{base}/posts/6"))).await?;
    let blank = serde_json::json!({"userId": 3, "title": "  ", "body": "hello"});
    show(
        "POST",
        "/posts (a blank title)",
        client.post(format!("{base}/posts")).json(&blank),
    )
    .await?;
    let partial = serde_json::json!({"title": "no author"});
    show(
        "POST",
        "/posts (no userId)",
        client.post(format!("{base}/posts")).json(&partial),
    )
    .await?;
    let not_json = client
        .post(format!("{base}/posts"))
        .header("content-type", "application/json")
        .body("{\"userId\": 3,");
    show("POST", "/posts (not JSON)", not_json).await?;
    let plain = client.post(format!("{base}/posts")).body("userId=3");
    show("POST", "/posts (no JSON type)", plain).await?;
    let huge = serde_json::json!({"userId": 3, "title": "big", "body": "x".repeat(limits.body)});
    show(
        "POST",
        "/posts (a body over 16 KiB)",
        client.post(format!("{base}/posts")).json(&huge),
    )
    .await?;
    show("PATCH", "/posts/1", client.patch(format!("{base}/posts/1"))).await?;
    show("GET", "/users/1", client.get(format!("{base}/users/1"))).await?;
    println!("  (PATCH is a 405 until you write exercise 17)\n");

    // ANCHOR: stall
    // A client that sends half a body and goes quiet: without the timeout layer, its request
    // would hold a task and a connection for as long as it likes.
    println!(
        "a client that sends half a POST body, then nothing (the server's limit is {}):",
        format_duration(limits.timeout)
    );
    let started = Instant::now();
    let mut stream = TcpStream::connect(addr).await?;
    stream.write_all(&head_of_a_post(addr, 100)).await?;
    stream.write_all(b"{\"userId\": 3, ").await?;
    let answer = read_answer(&mut stream, limits.timeout + Duration::from_secs(5)).await?;
    println!(
        "  after {}: {}",
        format_duration(started.elapsed()),
        shorten(&answer, 90)
    );
    // ANCHOR_END: stall
    Ok(())
}

/// Sends `request`, and prints its answer's status and body on one line.
async fn show(method: &str, what: &str, request: RequestBuilder) -> Result<(), Error> {
    let response = request.send().await?;
    let status = response.status();
    let location = response
        .headers()
        .get(reqwest::header::LOCATION)
        .and_then(|value| value.to_str().ok())
        .map(|value| format!("  Location: {value}"))
        .unwrap_or_default();
    let body = response.text().await?;
    println!("  {method:<5} {what:<28} → {status}{location}");
    println!("        {}", shorten(&body, 90));
    Ok(())
}

/// The head of a `POST /posts` whose body has `length` bytes, written by hand: the tour needs a
/// client that stops in the middle of its body, which an HTTP library will not do on purpose.
fn head_of_a_post(addr: SocketAddr, length: usize) -> Vec<u8> {
    format!(
        "POST /posts HTTP/1.1\r\nhost: {addr}\r\ncontent-type: application/json\r\n\
         content-length: {length}\r\nconnection: close\r\n\r\n"
    )
    .into_bytes()
}

/// Reads an answer until the server closes the connection, for at most `limit`, and gives its
/// status line and body.
async fn read_answer(stream: &mut TcpStream, limit: Duration) -> Result<String, Error> {
    let mut answer = Vec::new();
    tokio::time::timeout(limit, stream.read_to_end(&mut answer))
        .await
        .map_err(|_| {
            format!(
                "the server sent no complete answer within {}",
                format_duration(limit)
            )
        })??;
    let answer = String::from_utf8_lossy(&answer);
    let status = answer.lines().next().unwrap_or("(nothing)");
    let body = answer.split_once("\r\n\r\n").map_or("", |(_, body)| body);
    Ok(format!("{status}  {body}"))
}

/// Whether connections to `addr` are refused within `limit`: the server closes its listener as
/// soon as its task sees the shutdown signal, which on a busy machine may take a moment.
async fn refused_within(addr: SocketAddr, limit: Duration) -> bool {
    let deadline = Instant::now() + limit;
    loop {
        if TcpStream::connect(addr).await.is_err() {
            return true;
        }
        if Instant::now() >= deadline {
            return false;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

/// Asks the server to stop while a request is still arriving, and shows what happens.
/// The POST is sent in two parts, a quarter of the timeout apart around the shutdown, so that it
/// finishes well within the server's limit.
async fn graceful_shutdown(
    addr: SocketAddr,
    timeout: Duration,
    stop: oneshot::Sender<()>,
    server: tokio::task::JoinHandle<std::io::Result<()>>,
) -> Result<(), Error> {
    // ANCHOR: shutdown
    println!("\na graceful shutdown, asked while a POST is still arriving:");
    let body = br#"{"userId": 3, "title": "the last post", "body": "sent slowly"}"#;
    let mut stream = TcpStream::connect(addr).await?;
    stream.write_all(&head_of_a_post(addr, body.len())).await?;
    stream.write_all(&body[..20]).await?;
    // Give the server a moment to start on the request, then ask it to stop.
    tokio::time::sleep(timeout / 4).await;
    let asked = Instant::now();
    let _ = stop.send(());
    println!(
        "  shutdown asked; the POST has sent 20 of its {} bytes",
        body.len()
    );
    if refused_within(addr, timeout / 4).await {
        println!("  a new connection now: refused, the server no longer accepts");
    } else {
        println!("  a new connection now: still accepted (a busy machine; it will not be served)");
    }
    stream.write_all(&body[20..]).await?;
    let answer = read_answer(&mut stream, Duration::from_secs(5)).await?;
    println!("  the POST, finished: {}", shorten(&answer, 80));
    tokio::time::timeout(Duration::from_secs(5), server)
        .await
        .map_err(|_| "the server did not stop within 5 s of its last request")???;
    println!(
        "  the server stopped {} after it was asked, with nothing cut short",
        format_duration(asked.elapsed())
    );
    // ANCHOR_END: shutdown
    Ok(())
}
