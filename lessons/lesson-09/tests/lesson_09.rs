//! Lesson 09: the todo client tested the way the lesson teaches (a `MockServer` per test,
//! matchers, expectations, scripted failures), the test-running helpers, and the binary.

use std::time::Duration;

use futures::future::join_all;
use lesson_09::outcome::{Outcome, run_test, verification_report};
use lesson_09::scenarios::sample_todo;
use lesson_09::{TodoClient, TodoError};
use lesson_support::report::describe;
use lesson_support::testing::{
    SlowAnswer, SlowBodyServer, run_lesson, server_answering, unused_local_url,
};
use mock_server::{Latency, MockApi};
use serde_json::json;
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const LESSON: &str = env!("CARGO_BIN_EXE_lesson-09");

/// A client for `server` with the course's settings.
fn todo_client(base_url: &str) -> TodoClient {
    let client =
        lesson_support::client::client(base_url).expect("the course's client settings are valid");
    TodoClient::new(client, base_url)
}

/// `get_todo` sends one GET to `/todos/{id}` and returns the todo the server sent.
#[tokio::test]
async fn get_todo_sends_one_get_and_returns_the_servers_todo() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/todos/7"))
        .respond_with(ResponseTemplate::new(200).set_body_json(sample_todo(7)))
        .expect(1)
        .named("GET /todos/7")
        .mount(&server)
        .await;

    let todo = todo_client(&server.uri()).get_todo(7).await.unwrap();

    assert_eq!(todo, sample_todo(7));
    // `.expect(1)` is checked when `server` is dropped, here.
}

/// `todos_for_user` filters with the query string `?userId=`, not with a path.
#[tokio::test]
async fn todos_for_user_sends_the_user_id_as_a_query_parameter() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/todos"))
        .and(query_param("userId", "3"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!([sample_todo(41), sample_todo(42)])),
        )
        .expect(1)
        .mount(&server)
        .await;

    let todos = todo_client(&server.uri()).todos_for_user(3).await.unwrap();

    assert_eq!(todos, [sample_todo(41), sample_todo(42)]);
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests[0].url.query(), Some("userId=3"));
}

/// `complete` sends exactly one PATCH with the JSON body `{"completed": true}`, declared as
/// JSON, and returns the server's answer.
#[tokio::test]
async fn complete_sends_one_patch_with_completed_true_as_json() {
    let server = MockServer::start().await;
    let mut done = sample_todo(9);
    done.completed = true;
    Mock::given(method("PATCH"))
        .and(path("/todos/9"))
        .and(header("content-type", "application/json"))
        .and(body_json(json!({ "completed": true })))
        .respond_with(ResponseTemplate::new(200).set_body_json(&done))
        .expect(1)
        .named("complete todo 9")
        .mount(&server)
        .await;

    let todo = todo_client(&server.uri()).complete(9).await.unwrap();

    assert_eq!(todo, done);
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}

/// An error status is `TodoError::Status`, even when the body would decode as a todo: the
/// client looks at the status before the body.
#[tokio::test]
async fn an_error_status_is_a_status_error_even_with_a_todo_body() {
    let server = server_answering(ResponseTemplate::new(500).set_body_json(sample_todo(1))).await;

    let result = todo_client(&server.uri()).get_todo(1).await;

    assert!(
        matches!(result, Err(TodoError::Status(status)) if status == 500),
        "{result:?}"
    );
}

/// A success whose body is not JSON is `TodoError::Decode`.
#[tokio::test]
async fn a_body_that_is_not_json_is_a_decode_error() {
    let server = server_answering(
        ResponseTemplate::new(200).set_body_raw("<h1>Maintenance</h1>", "text/html"),
    )
    .await;

    let result = todo_client(&server.uri()).get_todo(1).await;

    assert!(matches!(result, Err(TodoError::Decode(_))), "{result:?}");
}

/// A connection the server drops instead of answering is `TodoError::Transport`.
#[tokio::test]
async fn a_dropped_connection_is_a_transport_error() {
    let server = MockServer::start().await;
    Mock::given(path("/todos/1"))
        .respond_with_err(|_: &wiremock::Request| {
            std::io::Error::new(std::io::ErrorKind::ConnectionReset, "hung up")
        })
        .mount(&server)
        .await;

    let result = todo_client(&server.uri()).get_todo(1).await;

    assert!(matches!(result, Err(TodoError::Transport(_))), "{result:?}");
}

/// An answer slower than the client's timeout is a `Transport` error that says "timeout".
#[tokio::test]
async fn an_answer_slower_than_the_timeout_is_a_transport_timeout() {
    let server = server_answering(
        ResponseTemplate::new(200)
            .set_body_json(sample_todo(1))
            .set_delay(Duration::from_secs(2)),
    )
    .await;
    let impatient = lesson_support::client::client_builder(&server.uri())
        .timeout(Duration::from_millis(100))
        .build()
        .unwrap();

    let result = TodoClient::new(impatient, &server.uri()).get_todo(1).await;

    assert!(
        matches!(&result, Err(TodoError::Transport(err)) if err.is_timeout()),
        "{result:?}"
    );
}

/// `up_to_n_times` with a higher priority scripts a sequence: two 503s, then the todo.
#[tokio::test]
async fn a_script_answers_two_failures_then_the_todo() {
    let server = MockServer::start().await;
    Mock::given(path("/todos/5"))
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(2)
        .with_priority(1)
        .expect(2)
        .mount(&server)
        .await;
    Mock::given(path("/todos/5"))
        .respond_with(ResponseTemplate::new(200).set_body_json(sample_todo(5)))
        .expect(1)
        .mount(&server)
        .await;
    let todos = todo_client(&server.uri());

    let mut results = Vec::new();
    for _ in 0..3 {
        results.push(todos.get_todo(5).await);
    }

    assert!(matches!(results[0], Err(TodoError::Status(s)) if s == 503));
    assert!(matches!(results[1], Err(TodoError::Status(s)) if s == 503));
    assert_eq!(results[2].as_ref().unwrap(), &sample_todo(5));
}

/// A base URL with a trailing slash still gives `/todos/1`, not `//todos/1`.
#[tokio::test]
async fn a_trailing_slash_on_the_base_url_is_harmless() {
    let server = MockServer::start().await;
    Mock::given(path("/todos/1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(sample_todo(1)))
        .expect(1)
        .mount(&server)
        .await;

    let todo = todo_client(&format!("{}/", server.uri()))
        .get_todo(1)
        .await
        .unwrap();

    assert_eq!(todo.id, 1);
}

/// Against the course's mock API the three calls send the right methods and paths, and the
/// answers parse: the server's own log says so.
#[tokio::test]
async fn against_the_mock_api_the_calls_arrive_as_intended() {
    let api = MockApi::start().await;
    let todos = todo_client(&api.uri());

    let todo = todos.get_todo(4).await.unwrap();
    let theirs = todos.todos_for_user(todo.user_id).await.unwrap();
    let completed = todos.complete(4).await.unwrap();

    assert_eq!(todo.id, 4);
    assert_eq!(theirs.len(), 20);
    assert!(theirs.iter().all(|t| t.user_id == todo.user_id));
    assert!(completed.completed);
    assert_eq!(completed.title, todo.title, "PATCH keeps the other fields");
    let seen: Vec<(String, String)> = api
        .arrivals()
        .into_iter()
        .map(|a| (a.method, a.path))
        .collect();
    assert_eq!(
        seen,
        [
            ("GET".to_owned(), "/todos/4".to_owned()),
            ("GET".to_owned(), format!("/todos?userId={}", todo.user_id)),
            ("PATCH".to_owned(), "/todos/4".to_owned()),
        ]
    );
}

/// Calls joined together are in flight together, as the server measures it.
#[tokio::test]
async fn calls_joined_together_overlap_on_the_server() {
    let api = MockApi::builder()
        .latency(Latency::Fixed(Duration::from_millis(300)))
        .start()
        .await;
    let todos = todo_client(&api.uri());

    let results = join_all((1..=5).map(|id| todos.get_todo(id))).await;

    assert!(results.iter().all(Result::is_ok));
    assert_eq!(api.peak_in_flight(), 5);
}

/// `run_test` tells a pass, an `Err` and a panic apart, and catches wiremock's failed
/// `.expect(n)` (a panic when the server is dropped) like any other panic.
#[tokio::test]
async fn run_test_tells_pass_error_and_panic_apart() {
    assert_eq!(run_test(async { Ok(()) }).await, Outcome::Passed);
    assert_eq!(
        run_test(async { Err("no".to_owned()) }).await,
        Outcome::Failed("no".to_owned())
    );
    let Outcome::Panicked(panic) = run_test(async { panic!("boom") }).await else {
        panic!("a panic should be caught");
    };
    assert_eq!(panic.message, "boom");
    assert!(
        panic.location.contains("lesson_09.rs"),
        "{}",
        panic.location
    );

    let unmet = run_test(async {
        let server = MockServer::start().await;
        Mock::given(method("PATCH"))
            .respond_with(ResponseTemplate::new(200))
            .expect(1)
            .mount(&server)
            .await;
        Ok(())
    })
    .await;
    let Outcome::Panicked(panic) = unmet else {
        panic!("an unmet expectation should fail the test: {unmet:?}");
    };
    assert!(
        panic.message.starts_with("Verifications failed"),
        "{}",
        panic.message
    );
}

/// `verification_report` is `None` when every expectation is met, and wiremock's report
/// (naming the mock) when one is not, without panicking.
#[tokio::test]
async fn verification_report_names_the_unmet_mock() {
    let met = MockServer::start().await;
    Mock::given(path("/todos/1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(sample_todo(1)))
        .expect(1)
        .mount(&met)
        .await;
    todo_client(&met.uri()).get_todo(1).await.unwrap();
    assert_eq!(verification_report(met).await, None);

    let unmet = MockServer::start().await;
    Mock::given(method("PATCH"))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .named("complete todo 7")
        .mount(&unmet)
        .await;
    let report = verification_report(unmet).await.unwrap();
    assert!(report.contains("complete todo 7"), "{report}");
    assert!(
        report.contains("Number of matched incoming requests: 0"),
        "{report}"
    );
}

/// The lesson runs offline and shows every scenario's key fact.
#[test]
fn the_lesson_runs_offline_and_shows_each_tool_at_work() {
    let run = run_lesson(LESSON, &[]);
    run.assert_success();
    for expected in [
        "The client under test, against http://127.0.0.1:",
        "todos_for_user(1) -> 20 todos",
        "get_todo(8) -> Err(Status): 404 Not Found  (no mock matched)",
        "the server received: GET /todos?userId=3",
        "body: {\"completed\":true}",
        "expectation \"complete todo 7\" (exactly 1): met",
        "| Verifications failed:",
        "Number of matched incoming requests: 0",
        "200 with HTML body -> Err(Decode)",
        "attempt 2: get_todo(5) -> Err(Status): 503",
        "attempt 3: get_todo(5) -> Ok",
        "a timeout: yes",
        "get_todo(1) -> Err(Transport): connection closed",
        "peak_in_flight() = 5",
    ] {
        assert!(
            run.stdout.contains(expected),
            "missing {expected:?}:\n{run}"
        );
    }
    assert!(
        !run.stderr.contains("panicked"),
        "a caught panic leaked:\n{run}"
    );
    let widest = run.stdout.lines().map(|l| l.chars().count()).max();
    assert!(
        widest <= Some(80),
        "a line is wider than 80 columns:\n{run}"
    );
}

/// A malformed flag is refused by clap, before anything runs.
#[test]
fn a_malformed_flag_is_refused() {
    let run = run_lesson(LESSON, &["--id", "seven"]);
    run.assert_clean_failure("invalid value 'seven' for '--id <ID>'");
}

/// A base URL where nothing listens ends in one error line that says so.
#[test]
fn an_unreachable_server_is_one_clear_error() {
    let url = unused_local_url();
    let run = run_lesson(LESSON, &["--base-url", &url]);
    run.assert_clean_failure("is the server running?");
}

/// A server that answers 500 is reported as such.
#[tokio::test]
async fn a_server_answering_500_is_one_clear_error() {
    let server = server_answering(ResponseTemplate::new(500)).await;
    let run = run_lesson(LESSON, &["--base-url", &server.uri()]);
    run.assert_clean_failure(
        "the server answered 500 Internal Server Error; the server failed to answer: try again later",
    );
}

/// A 404 from the API names the flag to check.
#[tokio::test]
async fn a_missing_todo_is_one_clear_error_naming_the_id() {
    let server = server_answering(ResponseTemplate::new(404)).await;
    let run = run_lesson(LESSON, &["--base-url", &server.uri(), "--id", "201"]);
    run.assert_clean_failure("the server answered 404 Not Found; no such todo: check --id");
}

/// A body that does not arrive in time is no answer (`Transport`), and its one line says the
/// server was too slow, not that the JSON was wrong: reqwest calls every failure of `json()`
/// a decode error, even a timeout while reading.
#[tokio::test]
async fn a_body_that_arrives_too_late_is_a_transport_timeout_not_a_decode_error() {
    // The head at once, the body 10 s later: far beyond the client's 300 ms.
    let server = SlowBodyServer::start(|_, _| {
        SlowAnswer::json(200, &sample_todo(1)).body_after(Duration::from_secs(10))
    })
    .await;
    let client = lesson_support::client::client_builder(&server.uri())
        .timeout(Duration::from_millis(300))
        .build()
        .unwrap();

    let err = TodoClient::new(client, &server.uri())
        .get_todo(1)
        .await
        .unwrap_err();

    assert!(
        matches!(err, TodoError::Transport(ref source) if source.is_timeout()),
        "{err:?}"
    );
    let line = describe(&err);
    assert!(
        line.starts_with("error: no answer from the server: "),
        "{line}"
    );
    assert!(
        line.ends_with("; the server did not answer in time: it may be overloaded, or slower than the client's timeout"),
        "{line}"
    );
}

/// A server that answers something other than JSON is reported as such.
#[tokio::test]
async fn a_server_answering_non_json_is_one_clear_error() {
    let server =
        server_answering(ResponseTemplate::new(200).set_body_raw("hello", "text/plain")).await;
    let run = run_lesson(LESSON, &["--base-url", &server.uri()]);
    run.assert_clean_failure("the answer is not the JSON expected");
}

/// What arrived before a failure is printed before the error line.
#[tokio::test]
async fn what_arrived_before_a_failure_is_still_shown() {
    let server = MockServer::start().await;
    Mock::given(path("/todos/1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(sample_todo(1)))
        .mount(&server)
        .await;
    Mock::given(path("/todos"))
        .respond_with(ResponseTemplate::new(503))
        .mount(&server)
        .await;

    let run = run_lesson(LESSON, &["--base-url", &server.uri()]);

    run.assert_clean_failure("503 Service Unavailable");
    assert!(
        run.stdout
            .contains("get_todo(1)       -> #1 \"water the plants (1)\""),
        "{run}"
    );
}

/// `lesson-09 | head -1`: once the reader has gone, the lesson stops quietly with status 141,
/// as `ls` does, instead of panicking in `println!`. The pipe is a real one, closed before the
/// lesson writes.
#[test]
#[cfg(unix)]
fn a_closed_pipe_ends_the_run_quietly() {
    use lesson_support::testing::{Sink, run_lesson_into};
    run_lesson_into(LESSON, &[], Sink::ClosedPipe).assert_quiet_after_closed_pipe();
}

/// `lesson-09 > /dev/full`: output that cannot be written is one error line and a non-zero
/// exit, not a panic.
#[test]
#[cfg(target_os = "linux")]
fn a_full_disk_is_one_clear_line() {
    use lesson_support::testing::{Sink, run_lesson_into};
    run_lesson_into(LESSON, &[], Sink::FullDisk)
        .assert_clean_failure("cannot write to stdout: No space left on device");
}
