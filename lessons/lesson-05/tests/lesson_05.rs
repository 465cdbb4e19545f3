//! Lesson 05: the bound proven from the server's side for both ways, failures kept per id, the
//! progress bar kept off pipes, the deadline that ends a run against a server that never
//! answers, and the binary end to end.

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
use tokio::time::Instant;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

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

/// Far enough away that no test's work meets it.
const NO_DEADLINE: Duration = Duration::from_secs(3600);

/// Longer than any test lasts: a server that waits this long before answering never answers.
const NEVER: Duration = Duration::from_secs(3600);

impl Way {
    async fn fetch(self, client: &Client, base_url: &str, ids: &[u64], limit: usize) -> Run {
        self.fetch_until(client, base_url, ids, limit, Instant::now() + NO_DEADLINE)
            .await
    }

    async fn fetch_until(
        self,
        client: &Client,
        base_url: &str,
        ids: &[u64],
        limit: usize,
        deadline: Instant,
    ) -> Run {
        let hidden = ProgressBar::hidden();
        match self {
            Way::BufferUnordered => {
                photos_buffer_unordered(client, base_url, ids, limit, deadline, &hidden).await
            }
            Way::Semaphore => {
                photos_with_semaphore(client, base_url, ids, limit, deadline, &hidden).await
            }
        }
    }
}

/// A server that answers photos 1 to `answered` at once and never answers any other request.
async fn photos_then_silence(answered: u64) -> MockServer {
    let server = MockServer::start().await;
    for id in 1..=answered {
        let photo = Photo {
            album_id: 1,
            id,
            title: format!("photo {id}"),
            url: "https://via.placeholder.com/600/92c952".to_owned(),
            thumbnail_url: "https://via.placeholder.com/150/92c952".to_owned(),
        };
        Mock::given(method("GET"))
            .and(path(format!("/photos/{id}")))
            .respond_with(ResponseTemplate::new(200).set_body_json(photo))
            .mount(&server)
            .await;
    }
    // The lowest priority: it answers (never) only what no photo above matched.
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_delay(NEVER))
        .with_priority(u8::MAX)
        .mount(&server)
        .await;
    server
}

/// A server that accepts every request and never answers it (within any test's life).
async fn server_that_never_answers() -> MockServer {
    server_answering(ResponseTemplate::new(200).set_delay(NEVER)).await
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

/// At the deadline both ways stop, cancel what is in flight and keep what had arrived: photos 1
/// to 3 answer at once, the others never do, and the run ends with 3 photos and 3 unfinished,
/// long before the client's 30-second timeout could have ended anything.
#[tokio::test]
async fn the_deadline_ends_both_ways_keeping_what_arrived() {
    let server = photos_then_silence(3).await;
    let uri = server.uri();
    let client = lesson_support::client::client(&uri).unwrap();
    let ids = [1, 4, 2, 5, 3, 6];
    // Generous: the three prompt answers have seconds to arrive, even on a busy machine.
    let deadline = Instant::now() + Duration::from_secs(3);

    // Both at once, against the same deadline, so the test waits for it only once.
    let (streamed, spawned) = tokio::join!(
        Way::BufferUnordered.fetch_until(&client, &uri, &ids, 6, deadline),
        Way::Semaphore.fetch_until(&client, &uri, &ids, 6, deadline),
    );

    for (way, run) in [(Way::BufferUnordered, streamed), (Way::Semaphore, spawned)] {
        let mut arrived: Vec<u64> = run.fetched.iter().map(|fetched| fetched.id).collect();
        arrived.sort_unstable();
        assert_eq!(arrived, [1, 2, 3], "{way:?}: {run:?}");
        assert_eq!(run.successes(), 3, "{way:?}");
        assert_eq!(run.unfinished, 3, "{way:?}");
        assert!(run.cut_short(), "{way:?}");
        assert!(run.elapsed < Duration::from_secs(25), "{way:?}: {run:?}");
    }
}

/// A run that finishes in time is not cut short.
#[tokio::test]
async fn a_run_that_finishes_in_time_has_nothing_unfinished() {
    let api = MockApi::start().await;
    for way in WAYS {
        let run = way
            .fetch(&client_for(&api), &api.uri(), &[1, 2, 3], 2)
            .await;
        assert_eq!(run.unfinished, 0, "{way:?}");
        assert!(!run.cut_short(), "{way:?}");
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
    run_lesson(LESSON, &["--deadline", "0"]).assert_clean_failure("above zero");
    run_lesson(LESSON, &["--deadline", "soon"]).assert_clean_failure("'soon'");
    run_lesson(LESSON, &["--deadline", "100000s"]).assert_clean_failure("at most 86400s");
}

/// `--help` names the deadline, its default and the flag to raise it.
#[test]
fn the_help_states_the_deadline() {
    let run = run_lesson(LESSON, &["--help"]);
    run.assert_success();
    assert!(run.stdout.contains("--deadline <DURATION>"), "{run}");
    assert!(run.stdout.contains("[default: 60s]"), "{run}");
}

/// Against a server that accepts every request and never answers, the run ends at its
/// deadline with one line saying what had arrived and how to get more time, both for the case
/// the issue timed (`--count 200 --table-count 0`: 60 s before) and for the defaults (25
/// minutes before). The server's side proves that the deadline ended it, not the client's
/// 30-second timeout: it received the first window of 50 requests and never a second one,
/// which a timed-out window would have let in.
#[tokio::test]
async fn a_server_that_never_answers_is_given_up_at_the_deadline() {
    for (args, total) in [
        (&["--count", "200", "--table-count", "0"][..], 100),
        (&[][..], 2500),
    ] {
        let server = server_that_never_answers().await;
        let uri = server.uri();
        let mut all_args = vec!["--base-url", uri.as_str(), "--deadline", "2s"];
        all_args.extend_from_slice(args);

        let run = run_lesson(LESSON, &all_args);

        run.assert_clean_failure(&format!(
            "the 2s deadline passed: 0 of {total} photos had arrived with buffer_unordered \
             (no answer at all: is the server answering?); the Semaphore run and the table \
             did not start; for more time, raise it with --deadline (such as --deadline 8s)"
        ));
        assert!(
            run.stdout.contains(&format!("0 of {total} photos in ")),
            "{run}"
        );
        assert!(
            run.stdout
                .contains(&format!("{total} unfinished at the deadline")),
            "{run}"
        );
        let received = server.received_requests().await.unwrap_or_default().len();
        assert!(
            received <= 50,
            "{received} requests: a second window\n{run}"
        );
        assert!(!run.stdout.contains("Semaphore"), "{run}");
    }
}

/// The deadline can fall in any part: in the Semaphore run (after the stream's run finished),
/// or in the table, whose finished rows and cut row are printed. Either way the error says
/// what had finished. The server decides where: it answers the first photos at once and never
/// the rest.
#[tokio::test]
async fn a_deadline_in_a_later_part_keeps_the_parts_before_it() {
    // Photos 1 to 5 (the stream's half) answer; 6 to 10 (the Semaphore's half) never do.
    let server = photos_then_silence(5).await;
    let uri = server.uri();
    let args = ["--base-url", &uri, "--count", "10", "--deadline", "3s"];
    let run = run_lesson(LESSON, &args);
    run.assert_clean_failure(
        "the 3s deadline passed: the buffer_unordered run finished, then 0 of 5 photos had \
         arrived with the Semaphore (no answer at all: is the server answering?); the table \
         did not start",
    );
    assert!(run.stdout.contains("5 of 5 photos in"), "{run}");
    assert!(run.stdout.contains("5 unfinished at the deadline"), "{run}");

    // Photos 1 and 2 answer: both runs finish, and the table's first row (one at a time)
    // gets photos 1 and 2, then waits on photo 3 until the deadline.
    let server = photos_then_silence(2).await;
    let uri = server.uri();
    let args = [
        "--base-url",
        &uri,
        "--count",
        "2",
        "--table-count",
        "10",
        "--deadline",
        "3s",
    ];
    let run = run_lesson(LESSON, &args);
    run.assert_clean_failure(
        "both runs finished, then the table's row for limit 1 had 2 of 10 photos; 0 of 2 rows \
         were complete",
    );
    assert!(run.stdout.contains("cut short: 2 done"), "{run}");
    assert!(!run.stdout.contains("From "), "{run}");
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

/// `lesson-05 | head -1`: once the reader has gone, the lesson stops quietly with status 141,
/// as `ls` does, instead of panicking in `println!`. The pipe is a real one, closed before the
/// lesson writes.
#[test]
#[cfg(unix)]
fn a_closed_pipe_ends_the_run_quietly() {
    use lesson_support::testing::{Sink, run_lesson_into};
    run_lesson_into(LESSON, &[], Sink::ClosedPipe).assert_quiet_after_closed_pipe();
}

/// `lesson-05 > /dev/full`: output that cannot be written is one error line and a non-zero
/// exit, not a panic.
#[test]
#[cfg(target_os = "linux")]
fn a_full_disk_is_one_clear_line() {
    use lesson_support::testing::{Sink, run_lesson_into};
    run_lesson_into(LESSON, &[], Sink::FullDisk)
        .assert_clean_failure("cannot write to stdout: No space left on device");
}

/// The progress bars, the notices and the error lines go to stderr: a closed or full stderr
/// ends the run the same way, without a panic.
#[test]
#[cfg(target_os = "linux")]
fn a_closed_or_full_stderr_does_not_panic_either() {
    use lesson_support::output::CLOSED_PIPE_STATUS;
    use lesson_support::testing::{Sink, run_lesson_with_stderr_into};
    let args = ["--count", "20", "--table-count", "0"];

    let closed = run_lesson_with_stderr_into(LESSON, &args, Sink::ClosedPipe);
    assert_eq!(closed.status.code(), Some(CLOSED_PIPE_STATUS), "{closed}");

    // The error line cannot be written either; the exit status still says what happened.
    let full = run_lesson_with_stderr_into(LESSON, &args, Sink::FullDisk);
    assert_eq!(full.status.code(), Some(1), "{full}");
}

// ---------------------------------------------------------------------------------------------
// The book's figures, from runs recorded in book/src/figures/ (see
// `lesson_support::testing::figures`): requests in flight over time for three ways of bounding
// them, and elapsed time against the bound.

mod figure {
    use super::*;
    use futures::StreamExt;
    use futures::future::join_all;
    use lesson_05::fetch_photo;
    use lesson_support::figure::{Columns, InFlight, Lane};
    use lesson_support::testing::figures::{check_figure, figure_data, record_figure_data};

    const WINDOW_DATA: &str = "lesson-05-in-flight.json";
    const WINDOW_PICTURE: &str = "lesson-05-in-flight.svg";
    const LIMITS_DATA: &str = "lesson-05-limits.json";
    const LIMITS_PICTURE: &str = "lesson-05-limits.svg";

    #[test]
    fn the_in_flight_figure_is_what_its_recorded_run_draws() {
        let figure: InFlight = figure_data(WINDOW_DATA);
        check_figure(WINDOW_PICTURE, &figure.to_svg(), false);
    }

    #[test]
    fn the_limits_figure_is_what_its_recorded_run_draws() {
        let figure: Columns = figure_data(LIMITS_DATA);
        check_figure(LIMITS_PICTURE, &figure.to_svg(), false);
    }

    /// Milliseconds since `origin`, to a tenth.
    fn ms(origin: Instant) -> f64 {
        lesson_support::figure::millis(origin.elapsed())
    }

    /// One photo, with when it started and ended.
    async fn timed(client: &Client, base_url: &str, id: u64, origin: Instant) -> (f64, f64) {
        let start = ms(origin);
        let _ = fetch_photo(client, base_url, id).await;
        (start, ms(origin))
    }

    /// Records a new run for both figures: `cargo test -p lesson-05 --test lesson_05 --
    /// --ignored record_`.
    #[tokio::test]
    #[ignore = "records the book's figures from real runs; run it on purpose"]
    async fn record_the_figures() {
        const LIMIT: usize = 4;
        // Answers between 40 and 240 ms, the same draws every run: some slow, some fast.
        let api = MockApi::builder()
            .latency(Latency::Range {
                min: Duration::from_millis(40),
                max: Duration::from_millis(240),
            })
            .seed(5)
            .start()
            .await;
        let client = lesson_support::client::client(&api.uri()).unwrap();
        let base_url = api.uri();
        let ids: Vec<u64> = (1..=24).collect();
        // Open the connections first, so that no lane pays for them alone.
        let _ = join_all(
            ids[..LIMIT]
                .iter()
                .map(|&id| fetch_photo(&client, &base_url, id)),
        )
        .await;

        let origin = Instant::now();
        let unordered: Vec<(f64, f64)> = futures::stream::iter(&ids)
            .map(|&id| timed(&client, &base_url, id, origin))
            .buffer_unordered(LIMIT)
            .collect()
            .await;
        let unordered_ms = ms(origin);

        let origin = Instant::now();
        let ordered: Vec<(f64, f64)> = futures::stream::iter(&ids)
            .map(|&id| timed(&client, &base_url, id, origin))
            .buffered(LIMIT)
            .collect()
            .await;
        let ordered_ms = ms(origin);

        let origin = Instant::now();
        let mut chunked = Vec::new();
        for chunk in ids.chunks(LIMIT) {
            let spans = join_all(
                chunk
                    .iter()
                    .map(|&id| timed(&client, &base_url, id, origin)),
            );
            chunked.extend(spans.await);
        }
        let chunked_ms = ms(origin);

        let window = InFlight {
            title: format!(
                "24 photos, at most {LIMIT} in flight, answers between 40 and 240 ms: in flight over time"
            ),
            description: "buffer_unordered keeps four requests in flight from start to end. \
                          buffered starts a new request only when the oldest has been handed \
                          out in order, so a slow request at the front leaves slots empty. \
                          Chunks of four wait for the slowest of each chunk, so the count falls \
                          to one before every new chunk, and the run takes longest."
                .into(),
            limit: LIMIT,
            lanes: vec![
                Lane {
                    heading: format!("buffer_unordered({LIMIT}): {unordered_ms} ms"),
                    requests: unordered,
                },
                Lane {
                    heading: format!("buffered({LIMIT}): {ordered_ms} ms"),
                    requests: ordered,
                },
                Lane {
                    heading: format!("chunks({LIMIT}) + join_all: {chunked_ms} ms"),
                    requests: chunked,
                },
            ],
        };
        record_figure_data(WINDOW_DATA, &window);
        check_figure(WINDOW_PICTURE, &window.to_svg(), true);

        // The lesson's table: the first 100 photos with each limit, 20 ms answers.
        let api = MockApi::builder()
            .latency(Latency::Fixed(Duration::from_millis(20)))
            .start()
            .await;
        let client = lesson_support::client::client(&api.uri()).unwrap();
        let base_url = api.uri();
        let ids: Vec<u64> = (1..=100).collect();
        let far = Instant::now() + Duration::from_secs(60);
        let _ = join_all(ids.iter().map(|&id| fetch_photo(&client, &base_url, id))).await;
        let mut columns = Vec::new();
        for limit in limits_to_compare(ids.len()) {
            let run = photos_buffer_unordered(
                &client,
                &base_url,
                &ids,
                limit,
                far,
                &ProgressBar::hidden(),
            )
            .await;
            assert_eq!(run.successes(), ids.len());
            let elapsed = lesson_support::figure::millis(run.elapsed);
            columns.push((limit.to_string(), elapsed));
        }
        let limits = Columns {
            title: "100 photos, answers after 20 ms: elapsed time against the limit".into(),
            description: "One at a time, 100 photos take about 100 round trips of 20 ms, over \
                          two seconds. Ten in flight are almost ten times faster; after that each \
                          step buys less: from 25 to 100 in flight, four times the connections \
                          save about 60 ms."
                .into(),
            x_label: "requests in flight at most (buffer_unordered limit)".into(),
            y_label: "elapsed".into(),
            columns,
        };
        record_figure_data(LIMITS_DATA, &limits);
        check_figure(LIMITS_PICTURE, &limits.to_svg(), true);
    }
}
