//! Lesson 10: blocking seen from the heartbeat and from the server's side, and the binary.

use std::time::Duration;

use lesson_10::{
    Batch, BlockingClientInAsync, Work, batch, reqwest_blocking_inside_async, timeline_bars,
};
use lesson_support::testing::{run_lesson, server_answering, unused_local_url};
use mock_server::{Latency, MockApi};
use wiremock::ResponseTemplate;

const LESSON: &str = env!("CARGO_BIN_EXE_lesson-10");

const IDS: [u64; 6] = [1, 2, 3, 4, 5, 6];
/// The work after each answer: long beside the heartbeat's 10 ms, so that a blocked runtime
/// cannot be mistaken for a busy machine.
const PAUSE: Duration = Duration::from_millis(300);

async fn api() -> MockApi {
    MockApi::builder()
        .latency(Latency::Fixed(Duration::from_millis(100)))
        .start()
        .await
}

async fn run(api: &MockApi, work: Work) -> Batch {
    let client = lesson_support::client::client(&api.uri()).expect("the course's client builds");
    batch(&client, &api.uri(), &IDS, work, PAUSE).await
}

/// Async work: the heartbeat keeps ticking, and all six requests are at the server together.
#[tokio::test]
async fn async_work_leaves_the_runtime_free() {
    let api = api().await;
    let batch = run(&api, Work::Async).await;
    assert_eq!(batch.successes(), 6, "{batch:?}");
    assert_eq!(
        api.peak_in_flight(),
        6,
        "the server saw {} at once",
        api.peak_in_flight()
    );
    assert!(
        batch.longest_gap < PAUSE / 2,
        "heartbeat gap {:?}",
        batch.longest_gap
    );
    // Six works of 300 ms side by side, not one after another.
    assert!(batch.elapsed < PAUSE * 3, "{:?}", batch.elapsed);
}

/// Blocking work on the one thread of a current-thread runtime (`#[tokio::test]`'s kind): the
/// heartbeat misses at least one whole pause, and the works run one after another.
#[tokio::test]
async fn blocking_work_stalls_a_current_thread_runtime() {
    let api = api().await;
    let batch = run(&api, Work::Blocking).await;
    assert_eq!(batch.successes(), 6, "{batch:?}");
    assert!(
        batch.longest_gap >= PAUSE,
        "heartbeat gap {:?}",
        batch.longest_gap
    );
    assert!(batch.elapsed >= PAUSE * 6, "{:?}", batch.elapsed);
    // No two works overlap: each starts after the one before has finished.
    let mut works: Vec<(Duration, Duration)> = batch
        .requests
        .iter()
        .map(|timed| (timed.answered, timed.finished))
        .collect();
    works.sort();
    assert!(
        works.windows(2).all(|pair| pair[1].0 >= pair[0].1),
        "{works:?}"
    );
}

/// The same blocking call inside `spawn_blocking`: the runtime stays free again.
#[tokio::test]
async fn offloaded_work_leaves_the_runtime_free() {
    let api = api().await;
    let batch = run(&api, Work::Offloaded).await;
    assert_eq!(batch.successes(), 6, "{batch:?}");
    assert!(
        batch.longest_gap < PAUSE / 2,
        "heartbeat gap {:?}",
        batch.longest_gap
    );
    assert!(batch.elapsed < PAUSE * 3, "{:?}", batch.elapsed);
}

/// CPU work with no `.await` blocks like a blocking sleep; on the blocking pool it does not.
#[tokio::test]
async fn cpu_work_blocks_inline_and_not_on_the_blocking_pool() {
    let api = api().await;
    let inline = run(&api, Work::Compute).await;
    assert_eq!(inline.successes(), 6, "{inline:?}");
    assert!(
        inline.longest_gap >= PAUSE,
        "heartbeat gap {:?}",
        inline.longest_gap
    );
    // The last task to see its answer waited for five works before it: more than 1 s.
    assert!(
        inline.slowest_answer() >= PAUSE * 3,
        "{:?}",
        inline.slowest_answer()
    );
    let offloaded = run(&api, Work::ComputeOffloaded).await;
    assert_eq!(offloaded.successes(), 6, "{offloaded:?}");
    assert!(
        offloaded.longest_gap < PAUSE / 2,
        "heartbeat gap {:?}",
        offloaded.longest_gap
    );
    assert!(
        offloaded.slowest_answer() < PAUSE,
        "{:?}",
        offloaded.slowest_answer()
    );
}

/// On a runtime with two workers, six blocking works take at least three rounds: once the
/// blocking calls outnumber the workers, they queue for them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn blocking_work_starves_a_multi_thread_runtime_past_its_workers() {
    let api = api().await;
    let batch = run(&api, Work::Blocking).await;
    assert_eq!(batch.successes(), 6, "{batch:?}");
    assert!(batch.elapsed >= PAUSE * 3, "{:?}", batch.elapsed);
    // Every request still reached the server before the first answer: sending is async.
    assert_eq!(api.peak_in_flight(), 6);
}

/// `reqwest::blocking` from a task: reqwest's check panics with tokio's message where it is
/// compiled in (debug builds), and otherwise the call holds the thread for the whole request.
#[tokio::test]
async fn the_blocking_client_in_async_code_panics_or_holds_the_thread() {
    let api = api().await;
    match reqwest_blocking_inside_async(format!("{}/posts/1", api.uri())).await {
        BlockingClientInAsync::Panicked(message) => assert!(
            message.contains("Cannot drop a runtime in a context where blocking is not allowed"),
            "{message}"
        ),
        BlockingClientInAsync::Blocked(held) => {
            assert!(held >= Duration::from_millis(100), "{held:?}");
        }
    }
}

/// A failed request has no answer to work on, and the bars show it.
#[tokio::test]
async fn failed_requests_do_no_work_and_draw_as_x() {
    let failing = server_answering(ResponseTemplate::new(503)).await;
    let client = lesson_support::client::client(&failing.uri()).unwrap();
    let batch = batch(&client, &failing.uri(), &[1, 2], Work::Blocking, PAUSE).await;
    assert_eq!(batch.successes(), 0);
    assert!(batch.elapsed < PAUSE, "{:?}", batch.elapsed);
    for bar in timeline_bars(&batch, PAUSE, 20) {
        assert!(bar.contains('x') && !bar.contains('█'), "{bar:?}");
    }
}

#[test]
fn runs_offline_and_shows_every_way() {
    let run = run_lesson(
        LESSON,
        &["--latency", "20ms", "--work", "50ms", "--count", "3"],
    );
    run.assert_success();
    for code in [
        "tokio::time::sleep(..).await",
        "std::thread::sleep(..)",
        "spawn_blocking(|| std::thread::sleep(..)).await",
        "crunch(..) (CPU work, no .await)",
        "spawn_blocking(|| crunch(..)).await",
    ] {
        assert!(run.stdout.contains(code), "{run}");
    }
    assert_eq!(run.stdout.matches(" 3/3 in ").count(), 6, "{run}");
    assert!(
        run.stdout
            .contains("On a multi-thread runtime with 2 worker threads"),
        "{run}"
    );
    assert!(run.stdout.contains(" blocking, 1 thread #1  |"), "{run}");
    assert!(
        run.stdout
            .contains("reqwest::blocking::Client, called from async code:"),
        "{run}"
    );
    // The expected panic is shown as a result, not printed by the panic hook.
    assert!(!run.stderr.contains("panicked at"), "{run}");
    assert!(
        run.stdout.lines().all(|line| line.chars().count() <= 100),
        "{run}"
    );
}

/// Bad flags are refused before anything is sent.
#[test]
fn malformed_flags_are_refused_clearly() {
    run_lesson(LESSON, &["--count", "0"]).assert_clean_failure("'0'");
    run_lesson(LESSON, &["--work", "5s"]).assert_clean_failure("at most 2.00s of work per request");
    run_lesson(LESSON, &["--work", "soon"]).assert_clean_failure("'soon'");
    run_lesson(LESSON, &["--workers", "0"]).assert_clean_failure("'0'");
    run_lesson(LESSON, &["--base-url", "not-a-url"]).assert_clean_failure("'not-a-url'");
}

/// A server that is not there, or fails every request: one line and a non-zero exit.
#[tokio::test]
async fn a_server_that_never_answers_well_is_one_line_and_a_non_zero_exit() {
    run_lesson(LESSON, &["--base-url", &unused_local_url()])
        .assert_clean_failure("all 6 requests failed");
    let failing = server_answering(ResponseTemplate::new(500)).await;
    run_lesson(LESSON, &["--base-url", &failing.uri()])
        .assert_clean_failure("500 Internal Server Error");
}

#[test]
#[cfg(unix)]
fn a_closed_pipe_ends_the_run_quietly() {
    use lesson_support::testing::{Sink, run_lesson_into};
    run_lesson_into(LESSON, &[], Sink::ClosedPipe).assert_quiet_after_closed_pipe();
}

// ---------------------------------------------------------------------------------------------
// The book's figure: the four timelines of one real run, recorded in
// book/src/figures/lesson-10-blocking.json (see `lesson_support::testing::figures`).

mod figure {
    use super::*;
    use lesson_support::figure::{Group, Mark, Row, Span, Timeline};
    use lesson_support::testing::figures::{check_figure, figure_data, record_figure_data};

    const DATA: &str = "lesson-10-blocking.json";
    const PICTURE: &str = "lesson-10-blocking.svg";

    fn ms(at: Duration) -> f64 {
        lesson_support::figure::millis(at)
    }

    fn group(heading: &str, batch: &Batch) -> Group {
        Group {
            heading: format!(
                "{heading}: {} ms, heartbeat gap {} ms",
                ms(batch.elapsed),
                ms(batch.longest_gap)
            ),
            rows: batch
                .requests
                .iter()
                .map(|timed| Row {
                    label: format!("post {}", timed.id),
                    spans: vec![
                        Span {
                            start_ms: ms(timed.started),
                            end_ms: ms(timed.answered),
                            mark: Mark::Answered,
                        },
                        Span {
                            start_ms: ms(timed.answered),
                            end_ms: ms(timed.finished),
                            mark: Mark::Working,
                        },
                    ],
                })
                .collect(),
        }
    }

    #[test]
    fn the_blocking_figure_is_what_its_recorded_run_draws() {
        let timeline: Timeline = figure_data(DATA);
        check_figure(PICTURE, &timeline.to_svg(), false);
    }

    /// Records a new run: `cargo test -p lesson-10 --test lesson_10 -- --ignored record_`. The
    /// same run as `cargo run -p lesson-10`, whose runtimes it builds the same way.
    #[test]
    #[ignore = "records the book's figure from a real run; run it on purpose"]
    fn record_the_blocking_figure() {
        const WORK: Duration = Duration::from_millis(200);
        let setup = tokio::runtime::Runtime::new().unwrap();
        let api = setup.block_on(
            MockApi::builder()
                .latency(Latency::Fixed(Duration::from_millis(100)))
                .start(),
        );
        let one_thread = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let client = lesson_support::client::client(&api.uri()).unwrap();
        let mut groups = Vec::new();
        for (work, heading) in [
            (Work::Async, "tokio::time::sleep, 1 thread"),
            (Work::Blocking, "std::thread::sleep, 1 thread"),
            (Work::Offloaded, "spawn_blocking, 1 thread"),
        ] {
            let run = one_thread.block_on(batch(&client, &api.uri(), &IDS, work, WORK));
            groups.push(group(heading, &run));
        }
        let workers = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        let client = lesson_support::client::client(&api.uri()).unwrap();
        let run = workers.block_on(batch(&client, &api.uri(), &IDS, Work::Blocking, WORK));
        groups.push(group("std::thread::sleep, 2 workers", &run));
        let timeline = Timeline {
            title: "Six requests (answers after 100 ms), each followed by 200 ms of work".into(),
            description: "With tokio::time::sleep, and with the blocking sleep moved into \
                          spawn_blocking, all six requests and their work overlap and the run \
                          takes about 300 ms. With std::thread::sleep on a current-thread \
                          runtime the works run one after another, and each task waits for \
                          the thread before it even sees its answer: 1.3 s. On a runtime with \
                          two workers, two works run at a time: three rounds."
                .into(),
            groups,
        };
        record_figure_data(DATA, &timeline);
        check_figure(PICTURE, &timeline.to_svg(), true);
    }
}
