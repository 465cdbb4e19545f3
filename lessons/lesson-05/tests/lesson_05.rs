//! Lesson 05: the bound proven from the server's side for both ways, failures kept per id, the
//! progress bar kept off pipes, and the binary end to end.

use std::collections::{BTreeSet, HashMap};
use std::time::Duration;

use indicatif::ProgressBar;
use lesson_05::{
    InFlightGauge, Run, fetch_photo, limits_to_compare, photos_buffer_unordered,
    photos_with_semaphore, proportional_bar,
};
use lesson_support::models::Photo;
use lesson_support::testing::{run_lesson, server_answering, unused_local_url};
use mock_server::{Fault, FaultEffect, FaultSelect, Latency, MockApi};
use reqwest::Client;
use wiremock::ResponseTemplate;

const LESSON: &str = env!("CARGO_BIN_EXE_lesson-05");

// The exercise's checks, reused to hold the lesson's own code to the same standard. Only some
// of them are used here.
#[allow(dead_code)]
#[path = "../course/fetch_photos_bounded/checks.rs"]
mod checks;

/// Both ways of bounding, under one signature, so each property is checked for both.
#[derive(Clone, Copy, Debug)]
enum Way {
    BufferUnordered,
    Semaphore,
}

const WAYS: [Way; 2] = [Way::BufferUnordered, Way::Semaphore];

impl Way {
    async fn fetch(self, client: &Client, base_url: &str, ids: &[u64], limit: usize) -> Run {
        let hidden = ProgressBar::hidden();
        match self {
            Way::BufferUnordered => {
                photos_buffer_unordered(client, base_url, ids, limit, &hidden).await
            }
            Way::Semaphore => photos_with_semaphore(client, base_url, ids, limit, &hidden).await,
        }
    }
}

fn client_for(api: &MockApi) -> Client {
    lesson_support::client::client(&api.uri()).expect("the course client builds")
}

/// The server sees exactly `limit` requests at once, never more, with either way; the
/// client's own gauge agrees; and every photo was asked for exactly once.
#[tokio::test]
async fn both_ways_keep_exactly_limit_requests_in_flight_as_the_server_sees_it() {
    for way in WAYS {
        let api = MockApi::builder()
            .latency(Latency::Fixed(Duration::from_millis(100)))
            .start()
            .await;
        let ids: Vec<u64> = (1..=20).collect();

        let run = way.fetch(&client_for(&api), &api.uri(), &ids, 4).await;

        assert_eq!(run.successes(), 20, "{way:?}");
        assert_eq!(api.peak_in_flight(), 4, "{way:?}: the server's count");
        assert_eq!(run.peak_in_flight, 4, "{way:?}: the client's count");
        let arrivals = api.arrivals();
        assert!(arrivals.iter().all(|a| a.method == "GET"), "{way:?}");
        let paths: BTreeSet<String> = arrivals.iter().map(|a| a.path.clone()).collect();
        let expected: BTreeSet<String> = ids.iter().map(|id| format!("/photos/{id}")).collect();
        assert_eq!(arrivals.len(), 20, "{way:?}: one request per photo");
        assert_eq!(paths, expected, "{way:?}");
    }
}

/// Every photo arrives typed, under its own id, with the same fields a single fetch gives.
#[tokio::test]
async fn both_ways_bring_back_every_photo_under_its_id() {
    let api = MockApi::start().await;
    let client = client_for(&api);
    let ids = [7, 4999, 1, 250];
    for way in WAYS {
        let run = way.fetch(&client, &api.uri(), &ids, 2).await;

        assert_eq!(run.fetched.len(), ids.len(), "{way:?}");
        for fetched in &run.fetched {
            let photo = fetched.photo.as_ref().unwrap();
            assert_eq!(photo.id, fetched.id, "{way:?}");
            let single = fetch_photo(&client, &api.uri(), fetched.id).await.unwrap();
            assert_eq!(photo, &single, "{way:?}");
        }
    }
}

/// One failing photo is reported for its id, with its status; the others still arrive.
#[tokio::test]
async fn a_failed_photo_is_reported_for_its_id_without_losing_the_others() {
    let api = MockApi::builder()
        .fault(Fault {
            select: FaultSelect::Ids(vec![3]),
            effect: FaultEffect::Status(500),
        })
        .start()
        .await;
    for way in WAYS {
        let run = way
            .fetch(&client_for(&api), &api.uri(), &[1, 2, 3, 4, 5], 2)
            .await;

        assert_eq!(run.successes(), 4, "{way:?}");
        let failures = run.failures();
        assert_eq!(failures.len(), 1, "{way:?}");
        assert_eq!(failures[0].0, 3, "{way:?}");
        assert_eq!(failures[0].1.status().map(|s| s.as_u16()), Some(500));
    }
}

/// A slow request does not stall the window, with either way: while it is out, the other
/// slot keeps taking new requests. (The exercise's own check, on the lesson's functions.)
#[tokio::test]
async fn neither_way_lets_a_slow_request_hold_up_the_others() {
    for way in WAYS {
        let in_order = async |client: &Client, base_url: &str, ids: &[u64], limit: usize| {
            let run = way.fetch(client, base_url, ids, limit).await;
            let mut by_id: HashMap<u64, Result<Photo, reqwest::Error>> = run
                .fetched
                .into_iter()
                .map(|fetched| (fetched.id, fetched.photo))
                .collect();
            ids.iter()
                .map(|id| by_id.remove(id).unwrap())
                .collect::<Vec<_>>()
        };
        if let Err(message) = checks::a_slow_request_holds_up_no_other_slot(&in_order).await {
            panic!("{way:?}: {message}");
        }
    }
}

/// A limit of 0 would start nothing and wait forever; both ways take it as 1 instead.
#[tokio::test]
async fn a_limit_of_zero_is_taken_as_one() {
    for way in WAYS {
        let api = MockApi::builder()
            .latency(Latency::Fixed(Duration::from_millis(30)))
            .start()
            .await;
        let run = tokio::time::timeout(
            Duration::from_secs(5),
            way.fetch(&client_for(&api), &api.uri(), &[1, 2, 3], 0),
        )
        .await
        .unwrap_or_else(|_| panic!("{way:?} hung with limit 0"));

        assert_eq!(run.successes(), 3, "{way:?}");
        assert_eq!(api.peak_in_flight(), 1, "{way:?}");
    }
}

/// A limit far above the number of ids (`usize::MAX`, "no real limit") starts them all, with
/// either way, and panics in neither (`Semaphore::new` would, above `MAX_PERMITS`).
#[tokio::test]
async fn a_huge_limit_starts_every_id_without_a_panic() {
    for way in WAYS {
        let api = MockApi::builder()
            .latency(Latency::Fixed(Duration::from_millis(100)))
            .start()
            .await;
        let run = way
            .fetch(&client_for(&api), &api.uri(), &[4, 9, 1, 7, 3], usize::MAX)
            .await;

        assert_eq!(run.successes(), 5, "{way:?}");
        assert_eq!(api.peak_in_flight(), 5, "{way:?}: all at once");
    }
}

/// No ids: no requests, an empty run, and no hang.
#[tokio::test]
async fn no_ids_send_nothing() {
    let api = MockApi::start().await;
    for way in WAYS {
        let run = way.fetch(&client_for(&api), &api.uri(), &[], 3).await;
        assert!(run.fetched.is_empty(), "{way:?}");
        assert_eq!(run.peak_in_flight, 0, "{way:?}");
    }
    assert!(api.arrivals().is_empty());
}

/// The gauge counts a request in while its guard lives and out when it is dropped, and keeps
/// the highest count.
#[test]
fn the_gauge_remembers_the_most_requests_in_flight() {
    let gauge = InFlightGauge::default();
    let first = gauge.enter();
    let second = gauge.enter();
    drop(first);
    let third = gauge.enter();
    assert_eq!(gauge.peak(), 2);
    drop((second, third));
    let _fourth = gauge.enter();
    assert_eq!(gauge.peak(), 2);
}

/// The table compares a few limits below the count, then the count itself: no bound at all.
#[test]
fn the_table_compares_limits_up_to_everything_at_once() {
    assert_eq!(limits_to_compare(100), [1, 10, 25, 50, 100]);
    assert_eq!(limits_to_compare(30), [1, 10, 25, 30]);
    assert_eq!(limits_to_compare(1), [1]);
}

/// The progress bar's template is valid (its `expect` cannot fire) and counts photos.
#[test]
fn the_progress_bar_counts_photos() {
    let progress = lesson_05::progress_bar(3);
    progress.inc(2);
    assert_eq!((progress.position(), progress.length()), (2, Some(3)));
}

/// Bars fill their width in proportion, and never vanish.
#[test]
fn proportional_bars_fill_their_width() {
    assert_eq!(proportional_bar(10.0, 10.0, 4), "████");
    assert_eq!(proportional_bar(5.0, 10.0, 4), "██  ");
    assert_eq!(proportional_bar(0.0, 10.0, 4), "█   ");
    assert_eq!(proportional_bar(f64::NAN, 0.0, 4), "█   ");
}

/// The default run, scaled down: half the photos each way, all of them fetched, the table
/// with every limit up to all at once, every line within 80 columns, and, with stderr a pipe,
/// no progress bar drawn on it.
#[test]
fn runs_offline_both_ways_then_compares_limits() {
    let run = run_lesson(
        LESSON,
        &["--count", "300", "--table-count", "30", "--latency", "5ms"],
    );
    run.assert_success();
    let stdout = &run.stdout;
    assert!(
        stdout.contains("Photos 1 to 150 with buffer_unordered(50)"),
        "{run}"
    );
    assert!(
        stdout.contains("Photos 151 to 300 with Semaphore(50) + JoinSet"),
        "{run}"
    );
    assert_eq!(stdout.matches("150 of 150 photos in").count(), 2, "{run}");
    assert_eq!(stdout.matches("at most 50 in flight").count(), 3, "{run}");
    for limit in ["1", "10", "25", "30"] {
        assert!(
            stdout
                .lines()
                .any(|line| line.trim_start().starts_with(&format!("{limit} "))),
            "no row for limit {limit}:\n{run}"
        );
    }
    assert!(
        stdout.contains("From 25 to 30 in flight: 1.2x the connections"),
        "{run}"
    );
    assert!(
        stdout.lines().all(|line| line.chars().count() <= 80),
        "{run}"
    );
    // The only line on stderr names the built-in mock: no bar, no escape codes.
    assert_eq!(run.stderr.lines().count(), 1, "{run}");
    assert!(
        run.stderr.starts_with("Using the built-in mock API"),
        "{run}"
    );
    assert!(!run.stderr.contains('\u{1b}'), "{run}");
}

/// The binary keeps `--limit` requests in flight, as a server it is pointed at counts them.
#[tokio::test]
async fn the_binary_keeps_its_limit_as_the_server_counts() {
    let api = MockApi::builder()
        .latency(Latency::Fixed(Duration::from_millis(60)))
        .start()
        .await;
    let uri = api.uri();
    let args = [
        "--base-url",
        uri.as_str(),
        "--count",
        "24",
        "--limit",
        "4",
        "--table-count",
        "0",
    ];
    // The mock answers on its own thread, so the test may block while the lesson runs.
    let run = run_lesson(LESSON, &args);

    run.assert_success();
    assert_eq!(
        api.arrivals().len(),
        24,
        "each photo once, half of them each way"
    );
    assert_eq!(api.peak_in_flight(), 4);
    assert!(!run.stdout.contains("with each limit"), "no table:\n{run}");
}

/// Photos that fail are listed by id with their status, and the run still succeeds.
#[tokio::test]
async fn failed_photos_are_reported_per_id() {
    let api = MockApi::builder()
        .fault(Fault {
            select: FaultSelect::Ids(vec![2, 7]),
            effect: FaultEffect::Status(500),
        })
        .start()
        .await;
    let uri = api.uri();
    let args = [
        "--base-url",
        uri.as_str(),
        "--count",
        "10",
        "--table-count",
        "0",
    ];
    let run = run_lesson(LESSON, &args);

    run.assert_success();
    assert_eq!(run.stdout.matches("4 of 5 photos").count(), 2, "{run}");
    assert!(
        run.stdout
            .contains("#2     failed: HTTP 500 Internal Server Error"),
        "{run}"
    );
    assert!(run.stdout.contains("#7     failed: HTTP 500"), "{run}");
}

/// Bad flags are refused before anything is sent.
#[test]
fn malformed_flags_are_refused_clearly() {
    run_lesson(LESSON, &["--limit", "0"]).assert_clean_failure("'0'");
    run_lesson(LESSON, &["--count", "0"]).assert_clean_failure("'0'");
    run_lesson(LESSON, &["--count", "abc"]).assert_clean_failure("'abc'");
    run_lesson(LESSON, &["--table-count", "5000"]).assert_clean_failure("'5000'");
    run_lesson(LESSON, &["--base-url", "not-a-url"]).assert_clean_failure("'not-a-url'");
    run_lesson(LESSON, &["--latency", "soon"]).assert_clean_failure("'soon'");
}

/// When every request fails, the failures are listed, one error line names the cause, and the
/// exit code says so: for a server that is not there, one that answers 500, and one that
/// answers HTML.
#[tokio::test]
async fn a_server_that_never_answers_well_fails_every_id_and_exits_non_zero() {
    let unreachable = unused_local_url();
    let run = run_lesson(LESSON, &["--base-url", &unreachable, "--count", "20"]);
    // The first half (ids 1 to 10) fails, and the lesson stops there.
    run.assert_clean_failure("all 10 requests failed");
    assert!(run.stdout.contains("0 of 10 photos"), "{run}");
    assert!(
        run.stdout.contains("#1     failed: cannot connect"),
        "{run}"
    );
    assert!(run.stdout.contains("… and 5 more failures"), "{run}");
    assert!(!run.stdout.contains("Semaphore"), "{run}");

    let failing = server_answering(ResponseTemplate::new(500)).await;
    let uri = failing.uri();
    let run = run_lesson(LESSON, &["--base-url", &uri, "--count", "20"]);
    run.assert_clean_failure("500 Internal Server Error");

    let html = server_answering(ResponseTemplate::new(200).set_body_string("<html>")).await;
    let uri = html.uri();
    let run = run_lesson(LESSON, &["--base-url", &uri, "--count", "20"]);
    run.assert_clean_failure("error decoding response body");
}
