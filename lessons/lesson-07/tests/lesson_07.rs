//! Lesson 07: retries proven from the server's side, the batch's deadline and interrupt, and
//! the binary, Ctrl-C included.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use lesson_07::{
    BatchLimits, Ending, Jitter, Retry, RetryPolicy, fetch_all, fetch_post_with_retry,
    send_with_retry,
};
use lesson_support::testing::{run_lesson, server_answering, unused_local_url};
use mock_server::{Fault, FaultEffect, FaultSelect, MockApi};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

const LESSON: &str = env!("CARGO_BIN_EXE_lesson-07");

/// Small waits keep the suite fast: ceilings of 20, 40, 80ms, …
const FAST: RetryPolicy = RetryPolicy {
    max_attempts: 4,
    base_delay: Duration::from_millis(20),
    max_delay: Duration::from_millis(200),
};

fn client(base_url: &str) -> reqwest::Client {
    lesson_support::client::client(base_url).expect("the course's client settings are valid")
}

fn api_failing(select: FaultSelect, effect: FaultEffect) -> mock_server::MockApiBuilder {
    MockApi::builder().fault(Fault { select, effect })
}

/// Fetches one post, collecting the retries it reported as `id: failure #number`.
async fn fetch(
    base_url: &str,
    id: u64,
    policy: &RetryPolicy,
) -> (lesson_07::PostOutcome, Vec<String>) {
    let reported = std::sync::Mutex::new(Vec::new());
    let outcome = fetch_post_with_retry(
        &client(base_url),
        base_url,
        id,
        policy,
        Jitter::seeded(1, id),
        |id, retry: &Retry| {
            reported
                .lock()
                .expect("no panic while holding the lock")
                .push(format!("{id}: {} #{}", retry.failure, retry.number));
        },
    )
    .await;
    (
        outcome,
        reported
            .into_inner()
            .expect("no panic while holding the lock"),
    )
}

/// The ceiling starts at `base_delay`, doubles per retry and stops at `max_delay`.
#[test]
fn the_backoff_ceiling_doubles_up_to_max_delay() {
    let policy = RetryPolicy {
        max_attempts: 10,
        base_delay: Duration::from_millis(100),
        max_delay: Duration::from_secs(2),
    };
    let ceilings: Vec<u128> = (1..=7).map(|n| policy.ceiling(n).as_millis()).collect();
    assert_eq!(ceilings, [100, 200, 400, 800, 1600, 2000, 2000]);
    assert_eq!(
        policy.ceiling(u32::MAX),
        Duration::from_secs(2),
        "no overflow"
    );
}

/// Full jitter stays within `[0, ceiling]`, varies, and repeats exactly with the same seed.
#[test]
fn full_jitter_stays_under_the_ceiling_and_repeats_with_its_seed() {
    let draw = |seed| {
        let mut jitter = Jitter::seeded(seed, 3);
        (0..200)
            .map(|_| FAST.backoff(3, &mut jitter))
            .collect::<Vec<_>>()
    };
    let waits = draw(42);
    assert!(waits.iter().all(|wait| *wait <= FAST.ceiling(3)));
    let shortest = waits.iter().min().unwrap();
    let longest = waits.iter().max().unwrap();
    assert!(*shortest < FAST.ceiling(3) / 10 && *longest > FAST.ceiling(3) * 9 / 10);
    assert_eq!(waits, draw(42));
    assert_ne!(waits, draw(43));
}

/// Two 503s then a 200: three requests reach the server, two retries are reported in order,
/// and the post arrives.
#[tokio::test]
async fn a_post_that_fails_twice_arrives_on_the_third_attempt() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(2)
        .with_priority(1)
        .mount(&server)
        .await;
    let post = serde_json::json!({"userId": 1, "id": 7, "title": "third time lucky", "body": ""});
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_json(post))
        .with_priority(2)
        .mount(&server)
        .await;

    let (outcome, reported) = fetch(&server.uri(), 7, &FAST).await;

    assert_eq!(outcome.result.unwrap().title, "third time lucky");
    assert_eq!(outcome.attempts, 3);
    assert_eq!(
        reported,
        [
            "7: 503 Service Unavailable #1",
            "7: 503 Service Unavailable #2"
        ]
    );
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 3);
    assert!(requests.iter().all(|r| r.url.path() == "/posts/7"));
}

/// A 404 is final: one request, no retry, and the error names the status.
#[tokio::test]
async fn a_404_is_not_retried() {
    let api = MockApi::start().await;

    let (outcome, reported) = fetch(&api.uri(), 101, &FAST).await;

    assert_eq!(api.arrivals().len(), 1);
    assert!(reported.is_empty());
    assert_eq!(outcome.attempts, 1);
    let status = outcome.result.unwrap_err().status().map(|s| s.as_u16());
    assert_eq!(status, Some(404));
}

/// A server that always fails gets exactly `max_attempts` requests, and the post's error is
/// the last answer's status.
#[tokio::test]
async fn a_server_that_keeps_failing_gets_exactly_max_attempts_requests() {
    let api = api_failing(FaultSelect::EveryNth(1), FaultEffect::Status(500))
        .start()
        .await;

    let (outcome, reported) = fetch(&api.uri(), 1, &FAST).await;

    assert_eq!(api.arrivals().len(), 4);
    assert_eq!(reported.len(), 3);
    assert_eq!(outcome.attempts, 4);
    let status = outcome.result.unwrap_err().status().map(|s| s.as_u16());
    assert_eq!(status, Some(500));
}

/// A body that is not a post fails to decode, and is not asked for again.
#[tokio::test]
async fn a_body_that_is_not_a_post_is_not_retried() {
    let server = server_answering(ResponseTemplate::new(200).set_body_string("<html>")).await;

    let (outcome, reported) = fetch(&server.uri(), 1, &FAST).await;

    assert!(outcome.result.unwrap_err().is_decode());
    assert!(reported.is_empty());
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}

/// A 429's `Retry-After: 1` is honoured: the retry reaches the server a second later, and the
/// wait is reported as the server's.
#[tokio::test]
async fn retry_after_decides_the_wait_of_a_429() {
    let api = api_failing(
        FaultSelect::EveryNth(1),
        FaultEffect::TooManyRequests {
            retry_after: Duration::from_secs(1),
        },
    )
    .start()
    .await;
    let policy = RetryPolicy {
        max_attempts: 2,
        ..FAST
    };
    let mut waits = Vec::new();

    let result = send_with_retry(
        &client(&api.uri()),
        &format!("{}/posts/1", api.uri()),
        &policy,
        &mut Jitter::seeded(1, 1),
        |retry| waits.push((retry.wait, retry.asked_by_server)),
    )
    .await;

    assert_eq!(result.unwrap().status(), 429, "the last answer, as it came");
    assert_eq!(waits, [(Duration::from_secs(1), true)]);
    let arrivals = api.arrivals();
    assert_eq!(arrivals.len(), 2);
    assert!(arrivals[1].at - arrivals[0].at >= Duration::from_millis(995));
}

/// A connection dropped without an answer is retried, and the next attempt succeeds.
#[tokio::test]
async fn a_dropped_connection_is_retried() {
    // Every 2nd request is dropped: the first (sent here) passes, the post's first attempt is
    // dropped, its retry passes.
    let api = api_failing(FaultSelect::EveryNth(2), FaultEffect::DropConnection)
        .start()
        .await;
    client(&api.uri())
        .get(format!("{}/posts/1", api.uri()))
        .send()
        .await
        .unwrap();

    let (outcome, reported) = fetch(&api.uri(), 2, &FAST).await;

    assert_eq!(outcome.result.unwrap().id, 2);
    assert_eq!(reported, ["2: connection lost #1"]);
    let faults: Vec<_> = api.arrivals().into_iter().map(|a| a.fault).collect();
    assert_eq!(faults, [None, Some(FaultEffect::DropConnection), None]);
}

/// A refused connection is retried until the attempts are spent; the error says so.
#[tokio::test]
async fn a_refused_connection_is_retried_then_reported() {
    let base_url = unused_local_url();

    let (outcome, reported) = fetch(&base_url, 1, &FAST).await;

    assert!(outcome.result.unwrap_err().is_connect());
    assert_eq!(outcome.attempts, 4);
    assert_eq!(reported.len(), 3);
    assert!(reported[0].contains("could not connect"), "{reported:?}");
}

fn limits(deadline: Duration) -> BatchLimits {
    BatchLimits {
        policy: FAST,
        concurrency: 4,
        deadline,
        seed: 1,
    }
}

/// With no trouble, a batch finishes with every post, and the retries of the failing ones.
#[tokio::test]
async fn a_batch_fetches_every_post_and_retries_the_failures() {
    let api = api_failing(FaultSelect::EveryNth(3), FaultEffect::Status(503))
        .start()
        .await;
    let ids: Vec<u64> = (1..=12).collect();

    let batch = fetch_all(
        &client(&api.uri()),
        &api.uri(),
        &ids,
        &limits(Duration::from_secs(10)),
        std::future::pending(),
        |_, _| {},
    )
    .await;

    assert_eq!(batch.ending, Ending::Finished);
    assert_eq!(batch.fetched(), 12);
    let mut got: Vec<u64> = batch.outcomes.iter().map(|o| o.id).collect();
    got.sort_unstable();
    assert_eq!(got, ids);
    // Every third request failed once and was retried: more requests than posts.
    assert!(api.arrivals().len() > 12);
    assert!(api.peak_in_flight() <= 4);
}

/// A server that answers 429 with `Retry-After: 1` for post 3 holds it past a short deadline:
/// the batch ends at the deadline, keeping the posts that had arrived.
#[tokio::test]
async fn the_deadline_ends_the_batch_and_keeps_what_arrived() {
    let api = api_failing(
        FaultSelect::Ids(vec![3]),
        FaultEffect::TooManyRequests {
            retry_after: Duration::from_secs(1),
        },
    )
    .start()
    .await;
    let started = Instant::now();

    let batch = fetch_all(
        &client(&api.uri()),
        &api.uri(),
        &[1, 2, 3],
        &limits(Duration::from_millis(300)),
        std::future::pending(),
        |_, _| {},
    )
    .await;

    assert_eq!(batch.ending, Ending::DeadlinePassed);
    assert!(
        started.elapsed() < Duration::from_millis(900),
        "it did not wait for post 3"
    );
    let mut fetched: Vec<u64> = batch.outcomes.iter().map(|o| o.id).collect();
    fetched.sort_unstable();
    assert_eq!(fetched, [1, 2]);
    // Post 3's retry was never sent: cancelling the batch cancelled its wait.
    tokio::time::sleep(Duration::from_millis(900)).await;
    assert_eq!(api.arrivals().len(), 3);
}

/// An interrupt ends the batch at once, keeping the posts that had arrived.
#[tokio::test]
async fn an_interrupt_ends_the_batch_and_keeps_what_arrived() {
    let api = api_failing(
        FaultSelect::Ids(vec![2]),
        FaultEffect::TooManyRequests {
            retry_after: Duration::from_secs(1),
        },
    )
    .start()
    .await;

    let batch = fetch_all(
        &client(&api.uri()),
        &api.uri(),
        &[1, 2, 3],
        &limits(Duration::from_secs(10)),
        tokio::time::sleep(Duration::from_millis(300)),
        |_, _| {},
    )
    .await;

    assert_eq!(batch.ending, Ending::Interrupted);
    assert_eq!(batch.fetched(), 2);
    assert_eq!(batch.completed(), 2);
}

/// The default run: retries printed as they happen, then a summary; every line fits 80
/// columns. The mock draws its faults per path, and the waits per post, from the seed: with
/// `--seed 1`, these sixteen posts meet these failures and wait these times on every run,
/// however the eight in flight reach the server. Only the order of the lines between posts
/// follows the thread timing, so they are compared post by post.
#[test]
fn runs_offline_printing_retries_as_they_happen() {
    let run = run_lesson(
        LESSON,
        &[
            "--count",
            "16",
            "--latency",
            "10ms",
            "--base-delay",
            "10ms",
            "--seed",
            "1",
        ],
    );
    run.assert_success();
    let post_of = |line: &str| -> u64 {
        let number = line
            .strip_prefix("post ")
            .and_then(|rest| rest.split(':').next());
        number.and_then(|n| n.parse().ok()).unwrap_or(u64::MAX)
    };
    let mut retries: Vec<&str> = run
        .stdout
        .lines()
        .filter(|line| line.contains(", retry "))
        .collect();
    // A stable sort: each post's retries stay in the order they were printed.
    retries.sort_by_key(|line| post_of(line));
    assert_eq!(
        retries,
        [
            "post 3: 503 Service Unavailable, retry 1 in 5ms",
            "post 6: 429 Too Many Requests, retry 1 in 1.00s (Retry-After)",
            "post 11: 503 Service Unavailable, retry 1 in 3ms",
            "post 12: 503 Service Unavailable, retry 1 in 4ms",
            "post 14: 503 Service Unavailable, retry 1 in 8ms",
            "post 15: connection lost, retry 1 in 9ms",
            "post 15: 503 Service Unavailable, retry 2 in 14ms",
            "post 15: 503 Service Unavailable, retry 3 in 3ms",
        ],
        "{run}"
    );
    assert!(
        run.stdout
            .contains(": 15 of 16 posts fetched; 6 needed retries (8 in all).\n"),
        "{run}"
    );
    assert!(
        run.stdout
            .ends_with("1 failed for good:\n  post 15 after 4 attempts: 503 Service Unavailable\n"),
        "{run}"
    );
    assert!(
        run.stderr
            .contains("failing on purpose: a random 30% of each path's requests: status 503"),
        "{run}"
    );
    assert!(
        run.stdout.lines().all(|line| line.chars().count() <= 80),
        "{run}"
    );
}

/// Without faults nothing is retried.
#[test]
fn a_healthy_server_needs_no_retries() {
    let run = run_lesson(
        LESSON,
        &["--count", "10", "--latency", "0", "--fail-share", "0"],
    );
    run.assert_success();
    assert!(!run.stdout.contains("retry"), "{run}");
    assert!(
        run.stdout
            .contains("10 of 10 posts fetched; 0 needed retries"),
        "{run}"
    );
}

/// Ctrl-C (SIGINT, sent with `kill -INT`) stops the run: the summary of what arrived, an
/// `interrupted: N of M posts fetched` error line, a non-zero exit, and no panic.
#[test]
fn ctrl_c_stops_the_run_and_reports_what_arrived() {
    let mut child = Command::new(LESSON)
        .args([
            "--count",
            "200",
            "--latency",
            "200ms",
            "--fail-share",
            "0.5",
            "--seed",
            "5",
        ])
        .env_remove("API_BASE_URL")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());

    // Wait for the first retry line: the run is under way, with Ctrl-C's handler installed.
    let mut before = String::new();
    while !before.contains(", retry ") {
        let mut line = String::new();
        assert!(
            stdout.read_line(&mut line).unwrap() > 0,
            "the run ended early:\n{before}"
        );
        before.push_str(&line);
    }
    let sent = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());

    let mut after = String::new();
    std::io::Read::read_to_string(&mut stdout, &mut after).unwrap();
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let report = format!("--- stdout\n{before}{after}--- stderr\n{stderr}");

    assert!(!output.status.success(), "{report}");
    assert_eq!(
        output.status.code(),
        Some(1),
        "ended by the program, not by the signal: {report}"
    );
    assert!(!stderr.contains("panicked"), "{report}");
    assert!(after.contains("Interrupted after "), "{report}");
    let line = stderr
        .lines()
        .find(|line| line.starts_with("error: interrupted: "))
        .unwrap_or_else(|| panic!("no interrupted line:\n{report}"));
    assert!(line.ends_with(" of 200 posts fetched"), "{report}");
}

/// A deadline shorter than the work ends the run with what arrived, and a non-zero exit.
#[test]
fn a_deadline_ends_the_run_with_what_arrived() {
    let run = run_lesson(
        LESSON,
        &[
            "--count",
            "100",
            "--latency",
            "100ms",
            "--deadline",
            "350ms",
            "--seed",
            "1",
        ],
    );
    run.assert_clean_failure("the 350ms deadline passed: ");
    assert!(run.stdout.contains("Deadline passed after "), "{run}");
    assert!(
        run.stdout
            .contains("posts unfinished: abandoned in progress, or never started."),
        "{run}"
    );
}

/// Bad flags are refused before anything is sent.
#[test]
fn malformed_flags_are_refused_clearly() {
    run_lesson(LESSON, &["--count", "0"]).assert_clean_failure("'0'");
    run_lesson(LESSON, &["--max-attempts", "0"]).assert_clean_failure("'0'");
    run_lesson(LESSON, &["--fail-share", "1.5"]).assert_clean_failure("share from 0 to 1");
    run_lesson(LESSON, &["--deadline", "soon"]).assert_clean_failure("'soon'");
    run_lesson(LESSON, &["--base-delay", "0"]).assert_clean_failure("above zero");
    run_lesson(LESSON, &["--base-url", "not-a-url"]).assert_clean_failure("'not-a-url'");
    run_lesson(
        LESSON,
        &["--base-url", "http://127.0.0.1:1", "--fail-share", "0.1"],
    )
    .assert_clean_failure("cannot be used with");
}

/// A server that never answers well: every post fails (after its retries, where they make
/// sense), each failure is listed, and the exit code says so.
#[tokio::test]
async fn a_server_that_never_answers_well_fails_every_post_and_exits_non_zero() {
    let with_url = |url: &str| {
        let args = ["--count", "3", "--base-delay", "5ms", "--base-url", url];
        run_lesson(LESSON, &args)
    };

    let run = with_url(&unused_local_url());
    run.assert_clean_failure("all 3 posts failed");
    assert!(
        run.stdout.contains("could not connect, retry 3 in "),
        "{run}"
    );
    assert!(
        run.stdout
            .contains("after 4 attempts: error sending request"),
        "{run}"
    );

    let failing = server_answering(ResponseTemplate::new(500)).await;
    let run = with_url(&failing.uri());
    run.assert_clean_failure("500 Internal Server Error");
    assert_eq!(failing.received_requests().await.unwrap().len(), 12);

    let html = server_answering(ResponseTemplate::new(200).set_body_string("<html>")).await;
    let run = with_url(&html.uri());
    run.assert_clean_failure("error decoding response body");
    assert_eq!(
        html.received_requests().await.unwrap().len(),
        3,
        "decoding is not retried"
    );
}

/// `lesson-07 | head -1`: once the reader has gone, the lesson stops quietly with status 141,
/// as `ls` does, instead of panicking in `println!`. The pipe is a real one, closed before the
/// lesson writes.
#[test]
#[cfg(unix)]
fn a_closed_pipe_ends_the_run_quietly() {
    use lesson_support::testing::{Sink, run_lesson_into};
    run_lesson_into(LESSON, &[], Sink::ClosedPipe).assert_quiet_after_closed_pipe();
}

/// `lesson-07 > /dev/full`: output that cannot be written is one error line and a non-zero
/// exit, not a panic.
#[test]
#[cfg(target_os = "linux")]
fn a_full_disk_is_one_clear_line() {
    use lesson_support::testing::{Sink, run_lesson_into};
    run_lesson_into(LESSON, &[], Sink::FullDisk)
        .assert_clean_failure("cannot write to stdout: No space left on device");
}

// ---------------------------------------------------------------------------------------------
// The book's figure: backoff with and without jitter, computed with the lesson's own
// `RetryPolicy` and `Jitter` (no run to record: the same seed gives the same waits).

mod figure {
    use super::*;
    use lesson_support::figure::{Group, Mark, Row, Span, Timeline};
    use lesson_support::testing::figures::check_figure;

    const PICTURE: &str = "lesson-07-backoff.svg";
    /// How long each failed attempt is drawn: a quick 503.
    const ATTEMPT_MS: f64 = 40.0;
    const CLIENTS: u64 = 6;
    const POLICY: RetryPolicy = RetryPolicy {
        max_attempts: 5,
        base_delay: Duration::from_millis(100),
        max_delay: Duration::from_secs(2),
    };

    /// One client's attempts, every one failing, and the waits between them.
    fn client_row(label: String, mut wait: impl FnMut(u32) -> Duration) -> Row {
        let mut spans = Vec::new();
        let mut now = 0.0;
        for attempt in 1..=POLICY.max_attempts {
            spans.push(Span {
                start_ms: now,
                end_ms: now + ATTEMPT_MS,
                mark: Mark::Failed,
            });
            now += ATTEMPT_MS;
            if attempt < POLICY.max_attempts {
                let waited = lesson_support::figure::millis(wait(attempt));
                spans.push(Span {
                    start_ms: now,
                    end_ms: now + waited,
                    mark: Mark::Waiting,
                });
                now += waited;
            }
        }
        Row { label, spans }
    }

    fn backoff_figure() -> Timeline {
        let in_step = (1..=CLIENTS)
            .map(|client| client_row(format!("client {client}"), |retry| POLICY.ceiling(retry)))
            .collect();
        let jittered = (1..=CLIENTS)
            .map(|client| {
                let mut jitter = Jitter::seeded(7, client);
                client_row(format!("client {client}"), move |retry| {
                    POLICY.backoff(retry, &mut jitter)
                })
            })
            .collect();
        Timeline {
            title: "Six clients retry a failing server: 5 attempts, backoff from 100 ms".into(),
            description: "Without jitter, every client waits exactly 100, 200, 400 and 800 ms, \
                          so all six come back at the same moments and hit the server together \
                          four more times. With full jitter, each wait is drawn between zero and \
                          that ceiling, so the retries spread out over time."
                .into(),
            groups: vec![
                Group {
                    heading: "no jitter: every wait is the ceiling".into(),
                    rows: in_step,
                },
                Group {
                    heading: "full jitter: RetryPolicy::backoff".into(),
                    rows: jittered,
                },
            ],
        }
    }

    #[test]
    fn the_backoff_figure_is_what_the_policy_draws() {
        check_figure(PICTURE, &backoff_figure().to_svg(), false);
    }
}
