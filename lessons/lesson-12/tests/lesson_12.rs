//! Lesson 12's server, tested the two ways the chapter shows: in-process through
//! `tower::ServiceExt::oneshot` (no socket), and over real HTTP with the course's reqwest client;
//! and the lesson's binary, run as a learner runs it.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use lesson_12::{AppState, ErrorBody, Limits, app, routes, sample_posts, serve};
use lesson_support::models::Post;
use lesson_support::testing::run_lesson;
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;
use tower::ServiceExt;

const LESSON: &str = env!("CARGO_BIN_EXE_lesson-12");

/// The lesson's app over its sample posts, and a handle on its state.
fn lesson_app(limits: Limits) -> (Router, AppState) {
    let state = AppState::new(sample_posts());
    (app(routes(), state.clone(), limits), state)
}

/// Sends one request in-process; the answer's status, headers and body as JSON.
async fn call(app: &Router, request: Request<Body>) -> (StatusCode, header::HeaderMap, Value) {
    let response = app
        .clone()
        .oneshot(request)
        .await
        .unwrap_or_else(|never| match never {});
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = axum::body::to_bytes(response.into_body(), 1 << 20)
        .await
        .expect("the body is read whole");
    let json = serde_json::from_slice(&bytes)
        .unwrap_or_else(|err| panic!("{status}: the body is not JSON ({err}): {bytes:?}"));
    (status, headers, json)
}

fn get(path: &str) -> Request<Body> {
    Request::get(path).body(Body::empty()).expect("a request")
}

fn post_json(path: &str, body: &str) -> Request<Body> {
    Request::post(path)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_owned()))
        .expect("a request")
}

fn error(text: &str) -> Value {
    serde_json::to_value(ErrorBody {
        error: text.to_owned(),
    })
    .expect("an error body is JSON")
}

// ---------------------------------------------------------------------------------------------
// In-process, through `oneshot`.

#[tokio::test]
async fn lists_every_post_or_one_users() {
    let (app, _) = lesson_app(Limits::default());
    let (status, _, all) = call(&app, get("/posts")).await;
    assert_eq!(status, StatusCode::OK);
    let all: Vec<Post> = serde_json::from_value(all).expect("a list of posts");
    assert_eq!(all, sample_posts());

    let (status, _, some) = call(&app, get("/posts?userId=2")).await;
    assert_eq!(status, StatusCode::OK);
    let ids: Vec<u64> = serde_json::from_value::<Vec<Post>>(some)
        .expect("a list of posts")
        .iter()
        .map(|post| post.id)
        .collect();
    assert_eq!(ids, [3, 4]);

    let (status, _, body) = call(&app, get("/posts?userId=two")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        body["error"].as_str().is_some_and(|e| e.contains("userId")),
        "{body}"
    );
}

#[tokio::test]
async fn gets_one_post_or_says_why_not() {
    let (app, _) = lesson_app(Limits::default());
    let (status, _, body) = call(&app, get("/posts/3")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        body,
        json!({"userId": 2, "id": 3, "title": "a status is not an error", "body": "until you say so"})
    );

    let (status, _, body) = call(&app, get("/posts/42")).await;
    assert_eq!((status, body), (StatusCode::NOT_FOUND, error("no post 42")));

    for path in ["/posts/abc", "/posts/-1", "/posts/1.5"] {
        let (status, _, body) = call(&app, get(path)).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{path}");
        assert!(
            body["error"]
                .as_str()
                .is_some_and(|e| e.contains("Cannot parse")),
            "{body}"
        );
    }
}

#[tokio::test]
async fn creates_a_post_with_201_and_its_location() {
    let (app, state) = lesson_app(Limits::default());
    let (status, headers, body) = call(
        &app,
        post_json("/posts", r#"{"userId": 9, "title": "new", "body": "text"}"#),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(headers[header::LOCATION], "/posts/6");
    assert_eq!(
        body,
        json!({"userId": 9, "id": 6, "title": "new", "body": "text"})
    );
    assert_eq!(state.store().get(6).map(|post| post.user_id), Some(9));

    let (status, _, again) = call(&app, get("/posts/6")).await;
    assert_eq!((status, again), (StatusCode::OK, body));
}

#[tokio::test]
async fn refuses_a_bad_post_with_the_right_status_and_changes_nothing() {
    let (app, state) = lesson_app(Limits::default());
    let cases = [
        (r#"{"userId": 1, "title": " \t", "body": "b"}"#, 422),
        (r#"{"userId": 1, "body": "b"}"#, 422),
        (r#"{"userId": "one", "title": "t", "body": "b"}"#, 422),
        (r#"{"userId": 1, "title": "t""#, 400),
    ];
    for (body, expected) in cases {
        let (status, _, answer) = call(&app, post_json("/posts", body)).await;
        assert_eq!(status.as_u16(), expected, "{body}: {answer}");
        assert!(answer["error"].is_string(), "{answer}");
    }
    let (status, _, answer) = call(
        &app,
        post_json("/posts", r#"{"userId": 1, "title": "", "body": "b"}"#),
    )
    .await;
    assert_eq!(
        (status, answer),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            error("a post's title cannot be empty")
        )
    );
    // The same JSON without its content type.
    let request = Request::post("/posts")
        .body(Body::from(r#"{"userId": 1, "title": "t", "body": "b"}"#))
        .expect("a request");
    let (status, _, _) = call(&app, request).await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(state.store().all().count(), sample_posts().len());
}

#[tokio::test]
async fn a_body_over_the_limit_is_a_413_whether_announced_or_not() {
    let limits = Limits {
        body: 1000,
        ..Limits::default()
    };
    let (app, state) = lesson_app(limits);
    let big = json!({"userId": 1, "title": "t", "body": "x".repeat(1000)}).to_string();
    // Announced by `Content-Length`: refused before a byte is read.
    let announced = Request::post("/posts")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::CONTENT_LENGTH, big.len())
        .body(Body::from(big.clone()))
        .expect("a request");
    let (status, _, body) = call(&app, announced).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{body}");
    assert!(body["error"].is_string());
    // Not announced: the read stops at the limit.
    let (status, _, body) = call(&app, post_json("/posts", &big)).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{body}");
    // Just under the limit is fine.
    let fits = json!({"userId": 1, "title": "t", "body": "x".repeat(900)}).to_string();
    let (status, _, _) = call(&app, post_json("/posts", &fits)).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(state.store().all().count(), sample_posts().len() + 1);
}

#[tokio::test]
async fn every_error_answer_has_a_json_body() {
    let (app, _) = lesson_app(Limits::default());
    let patch = Request::patch("/posts/1")
        .body(Body::empty())
        .expect("a request");
    let (status, headers, body) = call(&app, patch).await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(body, error("method not allowed"));
    assert_eq!(headers[header::CONTENT_TYPE], "application/json");
    assert!(
        headers.contains_key(header::ALLOW),
        "a 405 keeps its Allow header"
    );

    let (status, _, body) = call(&app, get("/users/1")).await;
    assert_eq!((status, body), (StatusCode::NOT_FOUND, error("not found")));
}

// ---------------------------------------------------------------------------------------------
// Over real HTTP.

/// The lesson's app served on a loopback port the OS picks, and the sender that shuts it down.
async fn served(
    limits: Limits,
) -> (
    SocketAddr,
    oneshot::Sender<()>,
    tokio::task::JoinHandle<std::io::Result<()>>,
) {
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a loopback port");
    let addr = listener.local_addr().expect("its address");
    let (stop, stopped) = oneshot::channel::<()>();
    let (app, _) = lesson_app(limits);
    let server = tokio::spawn(serve(listener, app, async {
        let _ = stopped.await;
    }));
    (addr, stop, server)
}

fn head_of_a_post(addr: SocketAddr, length: usize) -> Vec<u8> {
    format!(
        "POST /posts HTTP/1.1\r\nhost: {addr}\r\ncontent-type: application/json\r\n\
         content-length: {length}\r\n\r\n"
    )
    .into_bytes()
}

async fn read_to_close(stream: &mut TcpStream) -> String {
    let mut answer = Vec::new();
    tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut answer))
        .await
        .expect("the server closes the connection within 10 s")
        .expect("the answer is read");
    String::from_utf8_lossy(&answer).into_owned()
}

#[tokio::test]
async fn the_client_of_the_earlier_lessons_talks_to_it() {
    let (addr, stop, server) = served(Limits::default()).await;
    let base = format!("http://{addr}");
    let client = lesson_support::client::client(&base).expect("a client");

    let post: Post = client
        .get(format!("{base}/posts/5"))
        .send()
        .await
        .and_then(reqwest::Response::error_for_status)
        .expect("GET /posts/5")
        .json()
        .await
        .expect("a post");
    assert_eq!(post, sample_posts()[4]);

    let created = client
        .post(format!("{base}/posts"))
        .json(&json!({"userId": 2, "title": "over HTTP", "body": "b"}))
        .send()
        .await
        .expect("POST /posts");
    assert_eq!(created.status(), reqwest::StatusCode::CREATED);

    let missing = client
        .get(format!("{base}/posts/77"))
        .send()
        .await
        .expect("GET /posts/77");
    assert_eq!(missing.status(), reqwest::StatusCode::NOT_FOUND);
    let body: ErrorBody = missing.json().await.expect("an error body");
    assert_eq!(body.error, "no post 77");

    let _ = stop.send(());
    server
        .await
        .expect("the server task")
        .expect("serve ends well");
}

#[tokio::test]
async fn a_client_that_stops_halfway_gets_a_408_at_the_timeout() {
    let timeout = Duration::from_millis(400);
    let (addr, _stop, _server) = served(Limits {
        timeout,
        ..Limits::default()
    })
    .await;
    let started = Instant::now();
    let mut stream = TcpStream::connect(addr).await.expect("a connection");
    stream
        .write_all(&head_of_a_post(addr, 100))
        .await
        .expect("the head");
    stream
        .write_all(b"{\"userId\": 1,")
        .await
        .expect("half a body");
    let answer = read_to_close(&mut stream).await;
    let took = started.elapsed();
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(
        answer.contains(r#"{"error":"request timeout"}"#),
        "{answer}"
    );
    assert!(
        took >= timeout,
        "answered after {took:?}, before the timeout"
    );
    assert!(
        took < timeout + Duration::from_secs(3),
        "answered only after {took:?}"
    );
}

#[tokio::test]
async fn a_graceful_shutdown_finishes_the_request_in_flight() {
    let (addr, stop, server) = served(Limits::default()).await;
    let body = br#"{"userId": 3, "title": "last", "body": "sent slowly"}"#;
    let mut stream = TcpStream::connect(addr).await.expect("a connection");
    stream
        .write_all(&head_of_a_post(addr, body.len()))
        .await
        .expect("the head");
    stream
        .write_all(&body[..10])
        .await
        .expect("the first bytes");
    tokio::time::sleep(Duration::from_millis(100)).await;
    let _ = stop.send(());
    // The listener closes once the server's task sees the signal: within 5 s on any machine.
    let deadline = Instant::now() + Duration::from_secs(5);
    while TcpStream::connect(addr).await.is_ok() {
        assert!(
            Instant::now() < deadline,
            "the server still accepts connections 5 s after the shutdown was asked for"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert!(
        !server.is_finished(),
        "the server stopped with a request in flight"
    );
    stream.write_all(&body[10..]).await.expect("the rest");
    let answer = read_to_close(&mut stream).await;
    assert!(answer.starts_with("HTTP/1.1 201"), "{answer}");
    assert!(answer.contains(r#""title":"last""#), "{answer}");
    tokio::time::timeout(Duration::from_secs(5), server)
        .await
        .expect("the server stops once its last request is answered")
        .expect("the server task")
        .expect("serve ends well");
}

// ---------------------------------------------------------------------------------------------
// The binary.

#[test]
fn the_lesson_tours_the_api_and_shuts_down_gracefully() {
    // Long enough for the shutdown step on a busy machine: its POST takes up to half of it.
    let run = run_lesson(LESSON, &["--timeout", "2s"]);
    run.assert_success();
    for line in [
        "→ 404 Not Found",
        r#"{"error":"no post 42"}"#,
        "→ 201 Created  Location: /posts/6",
        "→ 415 Unsupported Media Type",
        "→ 413 Payload Too Large",
        "→ 405 Method Not Allowed",
        "HTTP/1.1 408 Request Timeout",
        "a new connection now: refused",
        "the POST, finished: HTTP/1.1 201 Created",
    ] {
        assert!(run.stdout.contains(line), "no {line:?} in:\n{}", run.stdout);
    }
}

#[test]
fn a_port_in_use_is_one_line_and_a_non_zero_exit() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
    let port = taken.local_addr().expect("its address").port().to_string();
    run_lesson(LESSON, &["--port", &port])
        .assert_clean_failure(&format!("could not listen on 127.0.0.1:{port}"));
}

#[test]
fn malformed_flags_are_refused_clearly() {
    run_lesson(LESSON, &["--timeout", "0"]).assert_clean_failure("at least 100ms");
    run_lesson(LESSON, &["--timeout", "50ms"]).assert_clean_failure("at least 100ms");
    run_lesson(LESSON, &["--timeout", "2m"]).assert_clean_failure("--timeout");
    run_lesson(LESSON, &["--port", "70000"]).assert_clean_failure("--port");
}

#[test]
#[cfg(unix)]
fn a_closed_pipe_ends_the_run_quietly() {
    use lesson_support::testing::{Sink, run_lesson_into};
    run_lesson_into(LESSON, &["--timeout", "100ms"], Sink::ClosedPipe)
        .assert_quiet_after_closed_pipe();
}
