//! Lesson 03: concurrency proven from the server's side, failures kept per id, and the binary.

use std::time::Duration;

use lesson_03::{fetch_title, timeline_bars, titles_concurrently, titles_sequentially};
use lesson_support::testing::{run_lesson, server_answering, unused_local_url};
use mock_server::{Fault, FaultEffect, FaultSelect, Latency, MockApi};
use wiremock::ResponseTemplate;

const LESSON: &str = env!("CARGO_BIN_EXE_lesson-03");

/// The latency the concurrency tests give every answer. Generous, so that a busy machine
/// cannot make a concurrent run look sequential.
const LATENCY: Duration = Duration::from_millis(500);

async fn slow_api() -> MockApi {
    MockApi::builder()
        .latency(Latency::Fixed(LATENCY))
        .start()
        .await
}

/// All ten requests reach the server before the first answer leaves it: they really are in
/// flight together, whatever the machine's load.
#[tokio::test]
async fn concurrent_requests_all_arrive_before_the_first_answer_leaves() {
    let api = slow_api().await;
    let client = lesson_support::client::client(&api.uri()).unwrap();
    let ids: Vec<u64> = (1..=10).collect();

    let run = titles_concurrently(&client, &api.uri(), &ids).await;

    assert_eq!(run.successes(), 10);
    let arrivals = api.arrivals();
    assert_eq!(arrivals.len(), 10);
    let first = arrivals.iter().map(|a| a.at).min().unwrap();
    let last = arrivals.iter().map(|a| a.at).max().unwrap();
    assert!(
        last - first < LATENCY,
        "the last request arrived {:?} after the first, after the first answer had left",
        last - first
    );
    assert_eq!(api.peak_in_flight(), 10);
}

/// The sequential version never has two requests in flight.
#[tokio::test]
async fn sequential_requests_never_overlap() {
    let api = MockApi::builder()
        .latency(Latency::Fixed(Duration::from_millis(100)))
        .start()
        .await;
    let client = lesson_support::client::client(&api.uri()).unwrap();

    let run = titles_sequentially(&client, &api.uri(), &[1, 2, 3]).await;

    assert_eq!(run.successes(), 3);
    assert_eq!(api.peak_in_flight(), 1);
    assert!(
        run.fetched
            .windows(2)
            .all(|pair| pair[1].started >= pair[0].finished)
    );
}

/// Results come back in the order of the ids asked for, with the right titles.
#[tokio::test]
async fn results_follow_the_order_of_the_ids() {
    let api = MockApi::start().await;
    let client = lesson_support::client::client(&api.uri()).unwrap();
    let ids = [9, 2, 5];

    let run = titles_concurrently(&client, &api.uri(), &ids).await;

    let got: Vec<u64> = run.fetched.iter().map(|f| f.id).collect();
    assert_eq!(got, ids);
    for fetched in &run.fetched {
        let expected = fetch_title(&client, &api.uri(), fetched.id).await.unwrap();
        assert_eq!(fetched.title.as_ref().unwrap(), &expected);
    }
}

/// One failing post is reported for its id; the others still bring back their titles.
#[tokio::test]
async fn one_failing_id_does_not_lose_the_others() {
    let api = MockApi::builder()
        .fault(Fault {
            select: FaultSelect::Ids(vec![3]),
            effect: FaultEffect::Status(500),
        })
        .start()
        .await;
    let client = lesson_support::client::client(&api.uri()).unwrap();

    let run = titles_concurrently(&client, &api.uri(), &[1, 2, 3, 4, 5]).await;

    assert_eq!(run.successes(), 4);
    let failed = &run.fetched[2];
    assert_eq!(failed.id, 3);
    assert_eq!(
        failed
            .title
            .as_ref()
            .unwrap_err()
            .status()
            .map(|s| s.as_u16()),
        Some(500)
    );
}

/// Overlapping requests draw overlapping bars; sequential ones draw a staircase.
#[tokio::test]
async fn timeline_bars_show_the_overlap() {
    let api = MockApi::builder()
        .latency(Latency::Fixed(Duration::from_millis(100)))
        .start()
        .await;
    let client = lesson_support::client::client(&api.uri()).unwrap();
    let concurrent = titles_concurrently(&client, &api.uri(), &[1, 2, 3]).await;
    let sequential = titles_sequentially(&client, &api.uri(), &[1, 2, 3]).await;
    let span = sequential.elapsed;

    let start_column = |bar: &String| bar.chars().position(|c| c != ' ').unwrap();
    let end_column = |bar: &String| bar.trim_end().chars().count();
    let bars = timeline_bars(&concurrent, span, 30);
    assert!(bars.iter().all(|bar| bar.chars().count() == 30));
    // Every bar starts before any ends: all three were in flight together. (Not "all start at
    // column 0": on a busy machine a request can leave a column or two late.)
    let last_start = bars.iter().map(start_column).max().unwrap();
    let first_end = bars.iter().map(end_column).min().unwrap();
    assert!(last_start < first_end, "{bars:#?}");

    let bars = timeline_bars(&sequential, span, 30);
    let starts: Vec<usize> = bars.iter().map(start_column).collect();
    assert!(starts[0] < starts[1] && starts[1] < starts[2], "{bars:#?}");
}

/// The default run: both runs succeed, the speed-up and the timeline are printed.
#[test]
fn runs_offline_and_compares_both_ways() {
    let run = run_lesson(LESSON, &["--latency", "50ms"]);
    run.assert_success();
    assert_eq!(run.stdout.matches("5 of 5 succeeded").count(), 2, "{run}");
    assert!(run.stdout.contains("x faster"), "{run}");
    assert!(run.stdout.contains("concurrent #1   |"), "{run}");
    assert!(run.stdout.contains("sequential #1   |"), "{run}");
    assert!(
        run.stdout.lines().all(|line| line.chars().count() <= 80),
        "{run}"
    );
}

/// Posts beyond 100 fail with 404, each reported for its id, and the run still succeeds.
#[test]
fn missing_posts_are_reported_per_id() {
    let run = run_lesson(LESSON, &["--count", "102", "--latency", "0"]);
    run.assert_success();
    assert!(
        run.stdout
            .contains("#101  failed: HTTP status client error (404 Not Found)"),
        "{run}"
    );
    assert!(run.stdout.contains("100 of 102 succeeded"), "{run}");
}

/// Bad flags are refused before anything is sent.
#[test]
fn malformed_flags_are_refused_clearly() {
    run_lesson(LESSON, &["--count", "0"]).assert_clean_failure("'0'");
    run_lesson(LESSON, &["--count", "abc"]).assert_clean_failure("'abc'");
    run_lesson(LESSON, &["--base-url", "not-a-url"]).assert_clean_failure("'not-a-url'");
    run_lesson(LESSON, &["--latency", "soon"]).assert_clean_failure("'soon'");
}

/// When every request fails, each failure is listed and the exit code says so.
#[tokio::test]
async fn a_server_that_never_answers_well_fails_every_id_and_exits_non_zero() {
    let run = run_lesson(LESSON, &["--base-url", &unused_local_url()]);
    run.assert_clean_failure("all 5 requests failed");
    assert!(run.stdout.contains("#5    failed:"), "{run}");

    let failing = server_answering(ResponseTemplate::new(500)).await;
    run_lesson(LESSON, &["--base-url", &failing.uri()])
        .assert_clean_failure("500 Internal Server Error");

    let html = server_answering(ResponseTemplate::new(200).set_body_string("<html>")).await;
    run_lesson(LESSON, &["--base-url", &html.uri()])
        .assert_clean_failure("error decoding response body");
}

/// `lesson-03 | head -1`: once the reader has gone, the lesson stops quietly with status 141,
/// as `ls` does, instead of panicking in `println!`. The pipe is a real one, closed before the
/// lesson writes.
#[test]
#[cfg(unix)]
fn a_closed_pipe_ends_the_run_quietly() {
    use lesson_support::testing::{Sink, run_lesson_into};
    run_lesson_into(LESSON, &[], Sink::ClosedPipe).assert_quiet_after_closed_pipe();
}

/// `lesson-03 > /dev/full`: output that cannot be written is one error line and a non-zero
/// exit, not a panic.
#[test]
#[cfg(target_os = "linux")]
fn a_full_disk_is_one_clear_line() {
    use lesson_support::testing::{Sink, run_lesson_into};
    run_lesson_into(LESSON, &[], Sink::FullDisk)
        .assert_clean_failure("cannot write to stdout: No space left on device");
}

// ---------------------------------------------------------------------------------------------
// The book's figure: the two timelines of one real run, recorded in
// book/src/figures/lesson-03-timeline.json (see `lesson_support::testing::figures`).

mod figure {
    use super::*;
    use lesson_03::Run;
    use lesson_support::figure::{Group, Mark, Row, Span, Timeline};
    use lesson_support::testing::figures::{check_figure, figure_data, record_figure_data};

    const DATA: &str = "lesson-03-timeline.json";
    const PICTURE: &str = "lesson-03-timeline.svg";

    /// One group of the figure: a row per request, one span from its start to its end.
    fn group(heading: &str, run: &Run) -> Group {
        let ms = lesson_support::figure::millis;
        Group {
            heading: format!("{heading}: {} ms", ms(run.elapsed)),
            rows: run
                .fetched
                .iter()
                .map(|fetched| Row {
                    label: format!("post {}", fetched.id),
                    spans: vec![Span {
                        start_ms: ms(fetched.started),
                        end_ms: ms(fetched.finished),
                        mark: if fetched.title.is_ok() {
                            Mark::Answered
                        } else {
                            Mark::Failed
                        },
                    }],
                })
                .collect(),
        }
    }

    #[test]
    fn the_timeline_figure_is_what_its_recorded_run_draws() {
        let timeline: Timeline = figure_data(DATA);
        check_figure(PICTURE, &timeline.to_svg(), false);
    }

    /// Records a new run for the figure: `cargo test -p lesson-03 --test lesson_03 -- --ignored
    /// record_`. The same run as `cargo run -p lesson-03 -- --count 8 --latency 200ms`.
    #[tokio::test]
    #[ignore = "records the book's figure from a real run; run it on purpose"]
    async fn record_the_timeline_figure() {
        let api = MockApi::builder()
            .latency(Latency::Fixed(Duration::from_millis(200)))
            .start()
            .await;
        let client = lesson_support::client::client(&api.uri()).unwrap();
        let ids: Vec<u64> = (1..=8).collect();
        // One request first, so that neither run pays for the first connection alone.
        let _ = fetch_title(&client, &api.uri(), 1).await;
        let concurrent = titles_concurrently(&client, &api.uri(), &ids).await;
        let sequential = titles_sequentially(&client, &api.uri(), &ids).await;
        let timeline = Timeline {
            title: "Eight requests to a server that answers after 200 ms".into(),
            description: "Concurrently, with join_all, all eight bars start at zero and end \
                          together after about one latency. One after another, with .await \
                          in a for loop, the bars form a staircase: each starts where the \
                          previous one ended, and the run takes eight latencies."
                .into(),
            groups: vec![
                group("concurrently (join_all)", &concurrent),
                group("one after another (.await in a loop)", &sequential),
            ],
        };
        record_figure_data(DATA, &timeline);
        check_figure(PICTURE, &timeline.to_svg(), true);
    }
}
