//! Lesson 02's functions against the mock server, each failure class, and the binary.

use std::time::Duration;

use lesson_02::{
    FailureKind, fetch_head, fetch_json, fetch_post, fetch_post_ignoring_status, fetch_post_text,
    fetch_post_value,
};
use lesson_support::models::{Post, User};
use lesson_support::testing::{run_lesson, server_answering, unused_local_url};
use mock_server::{Latency, MockApi};
use reqwest::{Client, StatusCode};
use wiremock::ResponseTemplate;

const LESSON: &str = env!("CARGO_BIN_EXE_lesson-02");

fn client_for(api: &MockApi) -> Client {
    lesson_support::client::client(&api.uri()).expect("the course client builds")
}

/// The head of a response carries the status and the JSON content type with its charset.
#[tokio::test]
async fn reads_status_and_headers() {
    let api = MockApi::start().await;
    let head = fetch_head(&client_for(&api), &format!("{}/posts/1", api.uri()))
        .await
        .unwrap();
    assert_eq!(head.status, StatusCode::OK);
    assert_eq!(
        head.content_type.as_deref(),
        Some("application/json; charset=utf-8")
    );
    assert!(head.content_length.is_some_and(|n| n > 20), "{head:?}");
}

/// Typed, untyped and raw text readings of one post agree with each other.
#[tokio::test]
async fn typed_untyped_and_text_bodies_agree() {
    let api = MockApi::start().await;
    let client = client_for(&api);

    let post = fetch_post(&client, &api.uri(), 12).await.unwrap();
    let value = fetch_post_value(&client, &api.uri(), 12).await.unwrap();
    let text = fetch_post_text(&client, &api.uri(), 12).await.unwrap();

    assert_eq!((post.id, post.user_id), (12, 2));
    assert_eq!(value["title"].as_str(), Some(post.title.as_str()));
    assert_eq!(serde_json::from_str::<Post>(&text).unwrap(), post);
    let sent: Vec<_> = api.arrivals().iter().map(|a| a.path.clone()).collect();
    assert_eq!(sent, ["/posts/12", "/posts/12", "/posts/12"]);
}

/// Nested JSON (a user's address and company) decodes into the nested structs.
#[tokio::test]
async fn decodes_a_nested_user() {
    let api = MockApi::start().await;
    let user: User = fetch_json(&client_for(&api), &format!("{}/users/3", api.uri()))
        .await
        .unwrap();
    assert_eq!(user.id, 3);
    assert!(!user.address.geo.lat.is_empty());
}

/// A missing post is a status error carrying the 404.
#[tokio::test]
async fn a_missing_post_is_a_status_failure() {
    let api = MockApi::start().await;
    let err = fetch_post(&client_for(&api), &api.uri(), 101)
        .await
        .unwrap_err();
    assert_eq!(
        FailureKind::of(&err),
        FailureKind::Status(StatusCode::NOT_FOUND)
    );
}

/// Skipping the status check turns the same 404 into a misleading decode error.
#[tokio::test]
async fn ignoring_the_status_hides_the_404_behind_a_decode_failure() {
    let api = MockApi::start().await;
    let err = fetch_post_ignoring_status(&client_for(&api), &api.uri(), 101)
        .await
        .unwrap_err();
    assert_eq!(FailureKind::of(&err), FailureKind::Decode);
}

/// JSON of another shape (a to-do has no `body`) is a decode failure.
#[tokio::test]
async fn a_body_of_the_wrong_shape_is_a_decode_failure() {
    let api = MockApi::start().await;
    let err = fetch_json::<Post>(&client_for(&api), &format!("{}/todos/1", api.uri()))
        .await
        .unwrap_err();
    assert_eq!(FailureKind::of(&err), FailureKind::Decode);
    assert!(lesson_support::report::error_chain(&err).contains("missing field `body`"));
}

/// Nothing listening is a connect failure.
#[tokio::test]
async fn a_refused_connection_is_a_connect_failure() {
    let base_url = unused_local_url();
    let client = lesson_support::client::client(&base_url).unwrap();
    let err = fetch_post(&client, &base_url, 1).await.unwrap_err();
    assert_eq!(FailureKind::of(&err), FailureKind::Connect);
}

/// A server slower than the client's timeout is a timeout failure.
#[tokio::test]
async fn a_slow_server_is_a_timeout_failure() {
    let api = MockApi::builder()
        .latency(Latency::Fixed(Duration::from_secs(5)))
        .start()
        .await;
    let client = lesson_support::client::client_builder(&api.uri())
        .timeout(Duration::from_millis(200))
        .build()
        .unwrap();
    let err = fetch_post(&client, &api.uri(), 1).await.unwrap_err();
    assert_eq!(FailureKind::of(&err), FailureKind::Timeout);
}

/// The whole lesson runs offline: four readings, then the three expected failures.
#[test]
fn runs_offline_and_shows_each_failure_kind() {
    let run = run_lesson(LESSON, &[]);
    run.assert_success();
    for expected in [
        "status:         200 OK",
        "content-type:   application/json; charset=utf-8",
        "post.id = 1, post.user_id = 1",
        "value[\"no_such_key\"] = null",
        "GET /posts/101, status checked first -> status error (404 Not Found)",
        "GET /posts/101, status ignored -> decode error",
        "GET /todos/1 decoded as a Post -> decode error",
        "missing field `body`",
    ] {
        assert!(
            run.stdout.contains(expected),
            "missing {expected:?}:\n{run}"
        );
    }
}

/// Bad flags, no server, a failing server, a server that does not speak JSON.
#[tokio::test]
async fn bad_input_and_bad_servers_fail_in_one_clear_line() {
    run_lesson(LESSON, &["--id", "-1"]).assert_clean_failure("'-1'");
    run_lesson(LESSON, &["--base-url", "not-a-url"]).assert_clean_failure("'not-a-url'");
    run_lesson(LESSON, &["--base-url", &unused_local_url()])
        .assert_clean_failure("Connection refused");

    let failing = server_answering(ResponseTemplate::new(503)).await;
    run_lesson(LESSON, &["--base-url", &failing.uri()])
        .assert_clean_failure("503 Service Unavailable");

    let html =
        server_answering(ResponseTemplate::new(200).set_body_string("<html>hi</html>")).await;
    run_lesson(LESSON, &["--base-url", &html.uri()])
        .assert_clean_failure("error decoding response body");
}

/// `lesson-02 | head -1`: once the reader has gone, the lesson stops quietly with status 141,
/// as `ls` does, instead of panicking in `println!`. The pipe is a real one, closed before the
/// lesson writes.
#[test]
#[cfg(unix)]
fn a_closed_pipe_ends_the_run_quietly() {
    use lesson_support::testing::{Sink, run_lesson_into};
    run_lesson_into(LESSON, &[], Sink::ClosedPipe).assert_quiet_after_closed_pipe();
}

/// `lesson-02 > /dev/full`: output that cannot be written is one error line and a non-zero
/// exit, not a panic.
#[test]
#[cfg(target_os = "linux")]
fn a_full_disk_is_one_clear_line() {
    use lesson_support::testing::{Sink, run_lesson_into};
    run_lesson_into(LESSON, &[], Sink::FullDisk)
        .assert_clean_failure("cannot write to stdout: No space left on device");
}
