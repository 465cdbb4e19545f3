//! The experiments `cargo run -p lesson-09` shows: each one a test in all but name.
//!
//! Every scenario starts its own `MockServer` (a fresh server on a port the OS picks, stopped
//! when it is dropped at the end of the function), mounts the mocks it needs, runs
//! [`TodoClient`] against it, and reports what the client got and what the server saw. A test
//! would `assert!` on those facts; these functions return them as lines to print, so that you
//! can watch each testing tool at work.

use std::io;
use std::time::{Duration, Instant};

use futures::future::join_all;
use lesson_support::Error;
use lesson_support::models::Todo;
use mock_server::{Latency, MockApi};
use serde_json::json;
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::outcome::verification_report;
use crate::{TodoClient, TodoError};

/// What a scenario showed, line by line.
pub type Lines = Vec<String>;

/// The todo the mocks answer with: made up, so a test knows exactly what to expect back.
pub fn sample_todo(id: u64) -> Todo {
    Todo {
        user_id: 3,
        id,
        title: format!("water the plants ({id})"),
        completed: false,
    }
}

/// A [`TodoClient`] for `server`, with the course's client settings.
fn client_for(server: &MockServer) -> Result<TodoClient, Error> {
    let client = lesson_support::client::client(&server.uri())?;
    Ok(TodoClient::new(client, &server.uri()))
}

// ANCHOR: matchers
/// Matchers: a mock answers only the requests that match all of its matchers; anything else
/// gets wiremock's default answer, a 404 with an empty body.
pub async fn matchers_pick_the_request() -> Result<Lines, Error> {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/todos/7"))
        .respond_with(ResponseTemplate::new(200).set_body_json(sample_todo(7)))
        .mount(&server)
        .await;
    let todos = client_for(&server)?;

    let seven = todos.get_todo(7).await;
    let eight = todos.get_todo(8).await;

    Ok(vec![
        "mock: GET /todos/7 answers todo 7".to_owned(),
        format!("get_todo(7) -> {}", result_line(&seven, todo_line)),
        format!(
            "get_todo(8) -> {}  (no mock matched)",
            result_line(&eight, todo_line)
        ),
        format!("the server received: {}", received(&server).await),
    ])
}
// ANCHOR_END: matchers

// ANCHOR: query_param
/// A query string is matched by `query_param`, not by `path` (which is the path alone: wiremock
/// panics if you give it a `?`).
pub async fn query_param_matches_the_filter() -> Result<Lines, Error> {
    let server = MockServer::start().await;
    let todos_of_user_3 = json!([sample_todo(41), sample_todo(42)]);
    Mock::given(method("GET"))
        .and(path("/todos"))
        .and(query_param("userId", "3"))
        // `set_body_raw` sends bytes with the content type you name: here the real API's.
        .respond_with(ResponseTemplate::new(200).set_body_raw(
            todos_of_user_3.to_string(),
            "application/json; charset=utf-8",
        ))
        .mount(&server)
        .await;

    let found = client_for(&server)?.todos_for_user(3).await;

    Ok(vec![
        format!(
            "todos_for_user(3) -> {}",
            result_line(&found, |todos| format!("{} todos", todos.len()))
        ),
        format!("the server received: {}", received(&server).await),
    ])
}
// ANCHOR_END: query_param

// ANCHOR: write_verified
/// A write, checked whole: method, path, header and JSON body are all matchers, and
/// `.expect(1)` says how many such requests the test must send. wiremock checks the count when
/// the server is dropped.
pub async fn a_write_is_matched_and_counted() -> Result<Lines, Error> {
    let server = MockServer::start().await;
    let mut done = sample_todo(7);
    done.completed = true;
    Mock::given(method("PATCH"))
        .and(path("/todos/7"))
        .and(header("content-type", "application/json"))
        .and(body_json(json!({ "completed": true })))
        .respond_with(ResponseTemplate::new(200).set_body_json(done))
        .expect(1)
        .named("complete todo 7")
        .mount(&server)
        .await;

    let result = client_for(&server)?.complete(7).await;

    let mut lines = vec![format!(
        "complete(7) -> {}",
        result_line(&result, todo_line)
    )];
    if let Some(request) = received_requests(&server).await.first() {
        lines.push(format!("the server received: {}", request_line(request)));
        let content_type = request
            .headers
            .get("content-type")
            .and_then(|value| value.to_str().ok())
            .unwrap_or("none");
        lines.push(format!("  content-type: {content_type}"));
        lines.push(format!(
            "  body: {}",
            String::from_utf8_lossy(&request.body)
        ));
    }
    lines.push(match verification_report(server).await {
        None => "expectation \"complete todo 7\" (exactly 1): met".to_owned(),
        Some(report) => format!("expectation not met: {}", first_line(&report)),
    });
    Ok(lines)
}
// ANCHOR_END: write_verified

// ANCHOR: unmet_expectation
/// The same mock and expectation, and code with a bug: it reads todo 7 instead of completing
/// it. In a test, dropping the server would panic with this report and fail the test.
pub async fn an_unmet_expectation_is_reported() -> Result<Lines, Error> {
    let server = MockServer::start().await;
    Mock::given(method("PATCH"))
        .and(path("/todos/7"))
        .respond_with(ResponseTemplate::new(200).set_body_json(sample_todo(7)))
        .expect(1)
        .named("complete todo 7")
        .mount(&server)
        .await;

    let result = client_for(&server)?.get_todo(7).await;

    let mut lines = vec![format!(
        "get_todo(7), by mistake -> {}",
        result_line(&result, todo_line)
    )];
    match verification_report(server).await {
        Some(report) => {
            lines.push("dropping the server would panic with:".to_owned());
            // The report ends with every received request and its headers: keep the gist.
            let gist = report.lines().take_while(|line| !line.is_empty());
            lines.extend(gist.map(|line| format!("  | {}", line.replace('\t', "  "))));
        }
        None => lines.push("every expectation was met".to_owned()),
    }
    Ok(lines)
}
// ANCHOR_END: unmet_expectation

// ANCHOR: failures
/// Failures on cue: an error status, and a success whose body is not JSON. The client must
/// report each as its own `TodoError`, not as a todo and not as a panic.
pub async fn failures_are_surfaced() -> Result<Lines, Error> {
    let server = MockServer::start().await;
    Mock::given(path("/todos/1"))
        .respond_with(ResponseTemplate::new(500))
        .mount(&server)
        .await;
    Mock::given(path("/todos/2"))
        .respond_with(ResponseTemplate::new(200).set_body_raw("<h1>Maintenance</h1>", "text/html"))
        .mount(&server)
        .await;
    let todos = client_for(&server)?;

    let server_error = todos.get_todo(1).await;
    let not_json = todos.get_todo(2).await;

    Ok(vec![
        format!(
            "500                -> {}",
            result_line(&server_error, todo_line)
        ),
        format!(
            "200 with HTML body -> {}",
            result_line(&not_json, todo_line)
        ),
    ])
}
// ANCHOR_END: failures

// ANCHOR: fail_twice
/// A scripted sequence: the first two requests get a 503, the rest a todo.
///
/// `up_to_n_times(2)` retires a mock after two matches; `with_priority(1)` makes it win over
/// the default priority 5 while it lasts (lower numbers win). This is how retry code is tested.
pub async fn fail_twice_then_succeed() -> Result<Lines, Error> {
    let server = MockServer::start().await;
    Mock::given(path("/todos/5"))
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(2)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(path("/todos/5"))
        .respond_with(ResponseTemplate::new(200).set_body_json(sample_todo(5)))
        .mount(&server)
        .await;
    let todos = client_for(&server)?;

    let mut lines = Vec::new();
    for attempt in 1..=3 {
        let result = todos.get_todo(5).await;
        lines.push(format!(
            "attempt {attempt}: get_todo(5) -> {}",
            result_line(&result, todo_line)
        ));
    }
    Ok(lines)
}
// ANCHOR_END: fail_twice

// ANCHOR: slow_and_dropped
/// The answer comes after 500 ms (`set_delay`), and the client gives up after 100 ms.
pub async fn a_slow_answer_times_out() -> Result<Lines, Error> {
    const CLIENT_TIMEOUT: Duration = Duration::from_millis(100);
    let server = MockServer::start().await;
    Mock::given(path("/todos/1"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(sample_todo(1))
                .set_delay(Duration::from_millis(500)),
        )
        .mount(&server)
        .await;
    let impatient = lesson_support::client::client_builder(&server.uri())
        .timeout(CLIENT_TIMEOUT)
        .build()?;
    let todos = TodoClient::new(impatient, &server.uri());

    let started = Instant::now();
    let result = todos.get_todo(1).await;
    let waited = started.elapsed();

    let timed_out = matches!(&result, Err(TodoError::Transport(err)) if err.is_timeout());
    Ok(vec![
        format!(
            "answer after 500ms, client timeout {}ms:",
            CLIENT_TIMEOUT.as_millis()
        ),
        format!("get_todo(1) -> {}", result_line(&result, todo_line)),
        format!(
            "gave up after {}ms; a timeout: {}",
            waited.as_millis(),
            if timed_out { "yes" } else { "no" }
        ),
    ])
}

/// No answer at all: `respond_with_err` makes the server drop the connection instead of
/// answering, as a crashed server or a cut network would.
pub async fn a_dropped_connection_is_no_answer() -> Result<Lines, Error> {
    let server = MockServer::start().await;
    Mock::given(path("/todos/1"))
        .respond_with_err(|_: &wiremock::Request| {
            io::Error::new(io::ErrorKind::ConnectionReset, "the mock hung up")
        })
        .mount(&server)
        .await;

    let result = client_for(&server)?.get_todo(1).await;

    Ok(vec![format!(
        "get_todo(1) -> {}",
        result_line(&result, todo_line)
    )])
}
// ANCHOR_END: slow_and_dropped

// ANCHOR: concurrency
/// A property no matcher can see: were the requests in flight together? The course's
/// `MockApi` (wiremock inside) records when each request arrived and how long its answer
/// waited; `peak_in_flight()` counts the most that overlapped.
pub async fn concurrency_seen_by_the_server() -> Result<Lines, Error> {
    let api = MockApi::builder()
        .latency(Latency::Fixed(Duration::from_millis(200)))
        .start()
        .await;
    let client = lesson_support::client::client(&api.uri())?;
    let todos = TodoClient::new(client, &api.uri());

    let together = join_all((1..=5).map(|id| todos.get_todo(id))).await;
    let arrivals = api.arrivals();
    let spread = match (
        arrivals.iter().map(|a| a.at).min(),
        arrivals.iter().map(|a| a.at).max(),
    ) {
        (Some(first), Some(last)) => last - first,
        _ => Duration::ZERO,
    };

    Ok(vec![
        format!(
            "join_all over get_todo(1..=5): {} of 5 ok",
            together.iter().filter(|r| r.is_ok()).count()
        ),
        format!(
            "the server saw {} requests arrive within {}ms of each other",
            arrivals.len(),
            spread.as_millis()
        ),
        format!(
            "peak_in_flight() = {} (1 would mean one after another)",
            api.peak_in_flight()
        ),
    ])
}
// ANCHOR_END: concurrency

/// `Ok: …` with the value described, or the error's variant and its root cause:
/// `Err(Transport): operation timed out`.
fn result_line<T>(result: &Result<T, TodoError>, describe: impl Fn(&T) -> String) -> String {
    match result {
        Ok(value) => format!("Ok: {}", describe(value)),
        Err(TodoError::Status(status)) => format!("Err(Status): {status}"),
        Err(err @ TodoError::Transport(_)) => format!("Err(Transport): {}", root_cause(err)),
        Err(err @ TodoError::Decode(_)) => format!("Err(Decode): {}", root_cause(err)),
    }
}

/// The innermost error of the chain: the one that says what actually happened.
fn root_cause(err: &(dyn std::error::Error + 'static)) -> String {
    let mut cause = err;
    while let Some(source) = cause.source() {
        cause = source;
    }
    cause.to_string()
}

/// `#7 "water the plants (7)" (not done)`.
fn todo_line(todo: &Todo) -> String {
    let state = if todo.completed { "done" } else { "not done" };
    format!("#{} {:?} ({state})", todo.id, todo.title)
}

/// Every request the server received, in order (none if recording is off, which
/// `MockServer::start` never turns off).
async fn received_requests(server: &MockServer) -> Vec<wiremock::Request> {
    server.received_requests().await.unwrap_or_default()
}

/// The received requests as `GET /todos/7, GET /todos/8`.
async fn received(server: &MockServer) -> String {
    let requests = received_requests(server).await;
    if requests.is_empty() {
        return "nothing".to_owned();
    }
    requests
        .iter()
        .map(request_line)
        .collect::<Vec<_>>()
        .join(", ")
}

/// `PATCH /todos/7`, or `GET /todos?userId=3` with its query.
fn request_line(request: &wiremock::Request) -> String {
    match request.url.query() {
        Some(query) => format!("{} {}?{query}", request.method, request.url.path()),
        None => format!("{} {}", request.method, request.url.path()),
    }
}

fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or_default()
}
