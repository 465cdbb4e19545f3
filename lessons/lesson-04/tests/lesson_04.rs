//! Lesson 04: every failure lands in its `ApiError` variant with its causes intact, each timeout
//! gives up (or not) as documented, a deadline cancels what is in flight, and the binary.

use std::time::{Duration, Instant};

use lesson_04::{
    ApiError, causes, fetch_json, fetch_post, fetch_post_with_comments, fetch_post_with_comments_by,
};
use lesson_support::client::{client, client_builder};
use lesson_support::models::Post;
use lesson_support::testing::{run_lesson, server_answering, unused_local_url};
use mock_server::{Fault, FaultEffect, FaultSelect, Latency, MockApi};
use wiremock::ResponseTemplate;

const LESSON: &str = env!("CARGO_BIN_EXE_lesson-04");

/// A server that answers everything after `latency`.
async fn slow_api(latency: Duration) -> MockApi {
    MockApi::builder()
        .latency(Latency::Fixed(latency))
        .start()
        .await
}

/// A server that gives every request `effect` instead of its answer.
async fn faulty_api(effect: FaultEffect) -> MockApi {
    MockApi::builder()
        .fault(Fault {
            select: FaultSelect::EveryNth(1),
            effect,
        })
        .start()
        .await
}

/// A post that exists comes back from one GET of its path.
#[tokio::test]
async fn fetch_post_returns_the_post_after_one_get() {
    let api = MockApi::start().await;
    let client = client(&api.uri()).unwrap();

    let post = fetch_post(&client, &api.uri(), 7).await.unwrap();

    assert_eq!(post.id, 7);
    let requests: Vec<String> = api
        .arrivals()
        .iter()
        .map(|a| format!("{} {}", a.method, a.path))
        .collect();
    assert_eq!(requests, ["GET /posts/7"]);
}

/// A 404 is `NotFound` with the URL asked for, and a retry would not help.
#[tokio::test]
async fn a_404_is_not_found_with_its_url_and_final() {
    let api = MockApi::start().await;
    let client = client(&api.uri()).unwrap();

    let err = fetch_post(&client, &api.uri(), 101).await.unwrap_err();

    match &err {
        ApiError::NotFound { url } => assert_eq!(url, &format!("{}/posts/101", api.uri())),
        other => panic!("expected NotFound, got {other:?}"),
    }
    assert!(!err.is_transient());
    assert_eq!(
        err.to_string(),
        format!("nothing at {}/posts/101 (404 Not Found)", api.uri())
    );
}

/// Other error statuses are `Status`: a 503 is worth a retry, a 400 is not.
#[tokio::test]
async fn other_error_statuses_are_status_and_only_server_failures_are_transient() {
    for (code, transient) in [(503, true), (500, true), (429, true), (400, false)] {
        let api = faulty_api(FaultEffect::Status(code)).await;
        let client = client(&api.uri()).unwrap();

        let err = fetch_post(&client, &api.uri(), 1).await.unwrap_err();

        match &err {
            ApiError::Status { status, url } => {
                assert_eq!(status.as_u16(), code);
                assert_eq!(url, &format!("{}/posts/1", api.uri()));
            }
            other => panic!("{code}: expected Status, got {other:?}"),
        }
        assert_eq!(err.is_transient(), transient, "{code}");
    }
}

/// A per-request timeout shorter than the server's latency gives up with `Timeout`, long before
/// the answer, after the request reached the server; its chain ends in "operation timed out".
#[tokio::test]
async fn a_request_timeout_shorter_than_the_latency_gives_up_with_timeout() {
    let api = slow_api(Duration::from_secs(2)).await;
    let client = client(&api.uri()).unwrap();
    let request = client
        .get(format!("{}/posts/1", api.uri()))
        .timeout(Duration::from_millis(200));

    let started = Instant::now();
    let err = fetch_json::<Post>(request).await.unwrap_err();

    assert!(
        started.elapsed() < Duration::from_millis(1500),
        "gave up only after {:?}",
        started.elapsed()
    );
    assert!(
        matches!(err, ApiError::Timeout(ref source) if source.is_timeout()),
        "{err:?}"
    );
    assert_eq!(api.arrivals().len(), 1);
    assert!(err.is_transient());
    let chain = causes(&err);
    assert_eq!(chain.first().map(String::as_str), Some("no answer in time"));
    assert_eq!(
        chain.last().map(String::as_str),
        Some("operation timed out")
    );
}

/// A request's own timeout replaces its client's: a client that would give up after 100 ms
/// lets a request with 10 s of its own wait for an answer that takes 600 ms.
#[tokio::test]
async fn a_request_timeout_replaces_the_client_timeout() {
    let api = slow_api(Duration::from_millis(600)).await;
    let url = format!("{}/posts/1", api.uri());
    let impatient = client_builder(&api.uri())
        .timeout(Duration::from_millis(100))
        .build()
        .unwrap();

    let alone = fetch_json::<Post>(impatient.get(&url)).await;
    let overridden = fetch_json::<Post>(impatient.get(&url).timeout(Duration::from_secs(10))).await;

    assert!(matches!(alone, Err(ApiError::Timeout(_))), "{alone:?}");
    assert_eq!(overridden.unwrap().id, 1);
    assert_eq!(api.arrivals().len(), 2);
}

/// A client's read timeout gives up when nothing arrives for that long.
#[tokio::test]
async fn a_read_timeout_gives_up_on_a_silent_server() {
    let api = slow_api(Duration::from_secs(2)).await;
    let idle_intolerant = client_builder(&api.uri())
        .read_timeout(Duration::from_millis(200))
        .build()
        .unwrap();

    let result = fetch_post(&idle_intolerant, &api.uri(), 1).await;

    assert!(matches!(result, Err(ApiError::Timeout(_))), "{result:?}");
}

/// A refused connection is `Connect`, and its chain goes down to the operating system's error.
#[tokio::test]
async fn a_refused_connection_is_connect_and_its_chain_ends_in_the_os_error() {
    let base_url = unused_local_url();
    let client = client(&base_url).unwrap();

    let err = fetch_post(&client, &base_url, 1).await.unwrap_err();

    assert!(
        matches!(err, ApiError::Connect(ref source) if source.is_connect()),
        "{err:?}"
    );
    assert!(err.is_transient());
    let chain = causes(&err);
    assert_eq!(chain[0], "could not connect to the server");
    assert!(
        chain.iter().any(|c| c.contains("tcp connect error")),
        "{chain:#?}"
    );
    assert!(
        chain.last().unwrap().contains("onnection refused"),
        "{chain:#?}"
    );
}

/// A success whose body is not a post is `Decode`, and final.
#[tokio::test]
async fn a_body_of_the_wrong_shape_is_decode() {
    let server = server_answering(ResponseTemplate::new(200).set_body_string(r#"{"id": 1}"#)).await;
    let client = client(&server.uri()).unwrap();

    let err = fetch_post(&client, &server.uri(), 1).await.unwrap_err();

    assert!(
        matches!(err, ApiError::Decode(ref source) if source.is_decode()),
        "{err:?}"
    );
    assert!(!err.is_transient());
    assert!(causes(&err).last().unwrap().contains("missing field"));
}

/// A server that hangs up without answering is `Other`, worth a retry.
#[tokio::test]
async fn a_dropped_connection_is_other_and_transient() {
    let api = faulty_api(FaultEffect::DropConnection).await;
    let client = client(&api.uri()).unwrap();

    let err = fetch_post(&client, &api.uri(), 1).await.unwrap_err();

    assert!(matches!(err, ApiError::Other(_)), "{err:?}");
    assert!(err.is_transient());
}

/// A deadline that passes while the second request waits drops it: the server received both
/// requests, and the result is `Deadline`, whose source is tokio's `Elapsed`.
#[tokio::test]
async fn a_deadline_cancels_the_request_in_flight() {
    // Each answer takes 500 ms: the second request leaves at about 500 ms and cannot be answered
    // before 1 s, so an 800 ms deadline always falls while it is in flight.
    let api = slow_api(Duration::from_millis(500)).await;
    let client = client(&api.uri()).unwrap();

    let err = fetch_post_with_comments_by(&client, &api.uri(), 1, Duration::from_millis(800))
        .await
        .unwrap_err();

    assert!(matches!(err, ApiError::Deadline(_)), "{err:?}");
    assert!(err.is_transient());
    assert_eq!(causes(&err).last().unwrap(), "deadline has elapsed");
    let paths: Vec<String> = api.arrivals().iter().map(|a| a.path.clone()).collect();
    assert_eq!(paths, ["/posts/1", "/posts/1/comments"]);
}

/// Within its deadline the same work returns the post and its comments.
#[tokio::test]
async fn a_deadline_that_is_long_enough_changes_nothing() {
    let api = MockApi::start().await;
    let client = client(&api.uri()).unwrap();

    let (post, comments) =
        fetch_post_with_comments_by(&client, &api.uri(), 2, Duration::from_secs(10))
            .await
            .unwrap();
    let unbounded = fetch_post_with_comments(&client, &api.uri(), 2)
        .await
        .unwrap();

    assert_eq!(post.id, 2);
    assert_eq!(comments.len(), 5);
    assert!(comments.iter().all(|c| c.post_id == 2));
    assert_eq!((post, comments), unbounded);
}

/// `causes` lists each message once, outermost first, even when a layer repeats its cause.
#[test]
fn causes_say_each_message_once_outermost_first() {
    #[derive(Debug, thiserror::Error)]
    #[error("root cause")]
    struct Root;

    #[derive(Debug, thiserror::Error)]
    #[error("middle layer: root cause")]
    struct Repeating(#[source] Root);

    #[derive(Debug, thiserror::Error)]
    #[error("outer layer")]
    struct Outer(#[source] Repeating);

    assert_eq!(
        causes(&Outer(Repeating(Root))),
        ["outer layer", "middle layer: root cause"]
    );
    assert_eq!(causes(&Root), ["root cause"]);
}

/// The default run shows every variant with its chain, the timeout table, and the deadline,
/// and fits 80 columns.
#[test]
fn runs_offline_and_shows_every_kind_of_failure() {
    let run = run_lesson(LESSON, &[]);
    run.assert_success();
    for expected in [
        "send() gave Ok: a response, status 404 Not Found",
        "HTTP status client error (404 Not Found)",
        "=> ApiError::NotFound after",
        "=> ApiError::Status after",
        "=> ApiError::Timeout after",
        "caused by: operation timed out",
        "=> ApiError::Connect after",
        "caused by: Connection refused",
        "=> ApiError::Decode after",
        "caused by: missing field `body`",
        "=> ApiError::Other after",
        "caused by: connection closed before message completed",
        "post 1 and 5 comments after",
        "Deadline after",
        "caused by: deadline has elapsed",
        "The server received ",
    ] {
        assert!(
            run.stdout.contains(expected),
            "missing {expected:?}:\n{run}"
        );
    }
    // The table of section 3: the server answers after 300 ms.
    let row = |start: &str| {
        run.stdout
            .lines()
            .find(|line| line.starts_with(start))
            .unwrap_or_else(|| panic!("no row {start:?}:\n{run}"))
            .to_owned()
    };
    assert!(
        row("   30s          200ms").contains("Timeout after"),
        "{run}"
    );
    assert!(row("   30s          1s").contains("post 1 after"), "{run}");
    assert!(
        row("   200ms        none").contains("Timeout after"),
        "{run}"
    );
    assert!(row("   200ms        1s").contains("post 1 after"), "{run}");
    assert!(
        row("   read 200ms   none").contains("Timeout after"),
        "{run}"
    );
    assert!(
        run.stdout.lines().all(|line| line.chars().count() <= 80),
        "{run}"
    );
}

/// Bad flags are refused before anything is sent.
#[test]
fn malformed_flags_are_refused_clearly() {
    run_lesson(LESSON, &["--latency", "soon"]).assert_clean_failure("'soon'");
    run_lesson(LESSON, &["--base-url", "not-a-url"]).assert_clean_failure("'not-a-url'");
    run_lesson(LESSON, &["--count", "3"]).assert_clean_failure("'--count'");
}

/// An unreachable server ends the run at once with one line naming the refused connection.
#[test]
fn an_unreachable_base_url_ends_with_one_clear_line() {
    let run = run_lesson(LESSON, &["--base-url", &unused_local_url()]);
    run.assert_clean_failure("could not connect to the server");
    assert!(run.stderr.contains("onnection refused"), "{run}");
    assert!(run.stderr.contains("is the server running?"), "{run}");
}

/// A server that fails, or that does not speak JSON, ends the run with its status or with the
/// decode error, before any demonstration.
#[tokio::test]
async fn a_failing_or_foreign_server_ends_with_one_clear_line() {
    let failing = server_answering(ResponseTemplate::new(500)).await;
    let run = run_lesson(LESSON, &["--base-url", &failing.uri()]);
    run.assert_clean_failure("the server answered 500 Internal Server Error");
    assert!(
        run.stderr
            .contains("; the server failed to answer: try again later"),
        "a 500 says what to do:\n{run}"
    );
    assert!(!run.stdout.contains("2. Each way"), "{run}");

    let html = server_answering(ResponseTemplate::new(200).set_body_string("<html>")).await;
    run_lesson(LESSON, &["--base-url", &html.uri()])
        .assert_clean_failure("error decoding response body");
}

/// `lesson-04 | head -1`: once the reader has gone, the lesson stops quietly with status 141,
/// as `ls` does, instead of panicking in `println!`. The pipe is a real one, closed before the
/// lesson writes.
#[test]
#[cfg(unix)]
fn a_closed_pipe_ends_the_run_quietly() {
    use lesson_support::testing::{Sink, run_lesson_into};
    run_lesson_into(LESSON, &[], Sink::ClosedPipe).assert_quiet_after_closed_pipe();
}

/// `lesson-04 > /dev/full`: output that cannot be written is one error line and a non-zero
/// exit, not a panic.
#[test]
#[cfg(target_os = "linux")]
fn a_full_disk_is_one_clear_line() {
    use lesson_support::testing::{Sink, run_lesson_into};
    run_lesson_into(LESSON, &[], Sink::FullDisk)
        .assert_clean_failure("cannot write to stdout: No space left on device");
}

/// `https://` against the course's mock, which speaks plain HTTP: the error line says the TLS
/// handshake failed and to use `http://`, not that nothing answered.
#[tokio::test]
async fn https_against_the_plain_http_mock_says_to_use_http() {
    let api = MockApi::start().await;
    let base_url = api.uri().replacen("http://", "https://", 1);

    let run = run_lesson(LESSON, &["--base-url", &base_url]);

    run.assert_clean_failure("the TLS handshake failed");
    assert!(
        run.stderr.contains("use http:// instead of https://"),
        "{run}"
    );
    assert!(!run.stderr.contains("nothing answered"), "{run}");
}
