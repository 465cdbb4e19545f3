//! Lesson 01's function against the mock server, and its binary run end to end.

use lesson_01::fetch_post_json;
use lesson_support::testing::{run_lesson, server_answering, unused_local_url};
use mock_server::MockApi;
use wiremock::ResponseTemplate;

const LESSON: &str = env!("CARGO_BIN_EXE_lesson-01");

/// One call sends exactly one GET to `/posts/{id}` and returns the post as JSON.
#[tokio::test]
async fn fetches_one_post_with_one_get() {
    let api = MockApi::start().await;
    let client = lesson_support::client::client(&api.uri()).unwrap();

    let (status, body) = fetch_post_json(&client, &api.uri(), 7).await.unwrap();

    assert_eq!(status, 200);
    assert_eq!(body["id"], 7);
    assert_eq!(body["userId"], 1);
    let arrivals = api.arrivals();
    let requests: Vec<_> = arrivals
        .iter()
        .map(|a| (a.method.as_str(), a.path.as_str()))
        .collect();
    assert_eq!(requests, [("GET", "/posts/7")]);
}

/// A post that does not exist is a 404 status error, not an empty JSON object.
#[tokio::test]
async fn a_missing_post_is_a_status_error() {
    let api = MockApi::start().await;
    let client = lesson_support::client::client(&api.uri()).unwrap();

    let err = fetch_post_json(&client, &api.uri(), 101).await.unwrap_err();

    assert_eq!(err.status(), Some(reqwest::StatusCode::NOT_FOUND));
}

/// With no flags the lesson starts its own mock, says so, and prints post 1.
#[test]
fn runs_offline_with_no_flags() {
    let run = run_lesson(LESSON, &[]);
    run.assert_success();
    assert!(run.stdout.starts_with("Status: 200 OK\n"), "{run}");
    assert!(run.stdout.contains("\"id\": 1,"), "{run}");
    assert!(
        run.stderr
            .contains("built-in mock API at http://127.0.0.1:"),
        "{run}"
    );
}

/// `--id 101` asks for a post that does not exist: one error line naming the 404.
#[test]
fn a_missing_post_fails_with_the_status() {
    run_lesson(LESSON, &["--id", "101"]).assert_clean_failure("404 Not Found");
}

/// Flags that do not parse are refused before any request is sent.
#[test]
fn malformed_flags_are_refused_clearly() {
    run_lesson(LESSON, &["--id", "abc"]).assert_clean_failure("'abc'");
    run_lesson(LESSON, &["--base-url", "not-a-url"]).assert_clean_failure("'not-a-url'");
}

/// A base URL where nothing listens: the error names the refused connection and what to check.
#[test]
fn an_unreachable_server_is_reported_in_one_line() {
    let run = run_lesson(LESSON, &["--base-url", &unused_local_url()]);
    run.assert_clean_failure("Connection refused");
    run.assert_clean_failure("is the server running?");
}

/// A server that fails with 500 or answers with something that is not JSON.
#[tokio::test]
async fn a_failing_or_non_json_server_is_reported_in_one_line() {
    let failing = server_answering(ResponseTemplate::new(500)).await;
    run_lesson(LESSON, &["--base-url", &failing.uri()])
        .assert_clean_failure("500 Internal Server Error");

    let html =
        server_answering(ResponseTemplate::new(200).set_body_string("<html>hi</html>")).await;
    run_lesson(LESSON, &["--base-url", &html.uri()])
        .assert_clean_failure("error decoding response body");
}

/// `lesson-01 | head -1`: once the reader has gone, the lesson stops quietly with status 141,
/// as `ls` does, instead of panicking in `println!`. The pipe is a real one, closed before the
/// lesson writes.
#[test]
#[cfg(unix)]
fn a_closed_pipe_ends_the_run_quietly() {
    use lesson_support::testing::{Sink, run_lesson_into};
    run_lesson_into(LESSON, &[], Sink::ClosedPipe).assert_quiet_after_closed_pipe();
}

/// `lesson-01 > /dev/full`: output that cannot be written is one error line and a non-zero
/// exit, not a panic.
#[test]
#[cfg(target_os = "linux")]
fn a_full_disk_is_one_clear_line() {
    use lesson_support::testing::{Sink, run_lesson_into};
    run_lesson_into(LESSON, &[], Sink::FullDisk)
        .assert_clean_failure("cannot write to stdout: No space left on device");
}
