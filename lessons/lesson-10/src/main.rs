//! Lesson 10: what blocking does to async code.
//!
//! ```text
//! cargo run -p lesson-10                          # 6 requests, 200ms of work after each
//! cargo run -p lesson-10 -- --count 12 --work 100ms --workers 4
//! ```

use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use lesson_10::{
    Batch, BlockingClientInAsync, Work, batch, reqwest_blocking_inside_async, timeline_bars,
};
use lesson_support::api::format_duration;
use lesson_support::report::explain;
use lesson_support::{ApiArgs, Error, Latency, exit_code};

/// Run the same batch of requests with async work, blocking work, and blocking work moved to
/// `spawn_blocking`, and show what the blocking does to the other requests.
#[derive(Parser, Debug)]
struct Args {
    /// How many requests (posts 1 to N), each in a task of its own.
    #[arg(long, value_name = "N", default_value_t = 6, value_parser = clap::value_parser!(u64).range(1..=100))]
    count: u64,

    /// How long the work after each answer takes: `200ms`, `1s` (at most 2s).
    #[arg(long, value_name = "DURATION", default_value = "200ms", value_parser = parse_work)]
    work: Duration,

    /// Worker threads of the multi-thread runtime, the last run (1 to 16).
    #[arg(long, value_name = "N", default_value_t = 2, value_parser = clap::value_parser!(u16).range(1..=16))]
    workers: u16,

    #[command(flatten)]
    api: ApiArgs,
}

/// The built-in mock answers after this long unless `--latency` says otherwise.
const DEFAULT_LATENCY: Duration = Duration::from_millis(100);

/// Width of the timeline bars: with the labels in front, a line fits 80 columns.
const BAR_WIDTH: usize = 56;

/// The longest `--work`: every run stays short, even with 100 requests blocking one thread.
const MOST_WORK: Duration = Duration::from_secs(2);

fn parse_work(text: &str) -> Result<Duration, String> {
    let work = mock_server::parse_duration(text)?;
    if work > MOST_WORK {
        return Err(format!(
            "at most {} of work per request",
            format_duration(MOST_WORK)
        ));
    }
    Ok(work)
}

fn main() -> ExitCode {
    lesson_support::output::exit_on_write_error();
    let args = Args::parse();
    exit_code(run(&args))
}

// ANCHOR: runtimes
fn run(args: &Args) -> Result<(), Error> {
    // No `#[tokio::main]`: this lesson builds its runtimes by hand, to run the same batch on
    // two kinds. First the kind asyncio has: one thread for every task.
    let one_thread = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    // The built-in mock runs on a thread of its own, so blocking ours does not slow the server.
    let api = one_thread.block_on(args.api.connect(Latency::Fixed(DEFAULT_LATENCY)))?;
    let ids: Vec<u64> = (1..=args.count).collect();
    println!(
        "{} requests for posts 1 to {}, each followed by {} of work, in tasks of their own.\n",
        ids.len(),
        args.count,
        format_duration(args.work)
    );

    println!(
        "(gap: the longest a heartbeat task ticking every 10ms went without a tick; slowest\n\
         answer: the longest a task waited to see its answer, the server's latency included)\n"
    );
    println!("On a current-thread runtime (one thread, like asyncio's event loop):");
    let mut runs = Vec::new();
    for work in [
        Work::Async,
        Work::Blocking,
        Work::Offloaded,
        Work::Compute,
        Work::ComputeOffloaded,
    ] {
        let run = one_thread.block_on(batch(&api.client, &api.base_url, &ids, work, args.work));
        print_summary(work, &run);
        give_up_if_nothing_answered(&run)?;
        runs.push((work, "1 thread".to_string(), run));
    }

    // Then tokio's default kind, with a few workers. A `Client` keeps its connections on the
    // runtime that opened them, so this runtime gets a client of its own.
    let workers = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(usize::from(args.workers))
        .enable_all()
        .build()?;
    let client = lesson_support::client::client(&api.base_url)?;
    println!(
        "\nOn a multi-thread runtime with {} worker thread{}:",
        args.workers,
        if args.workers == 1 { "" } else { "s" }
    );
    let run = workers.block_on(batch(
        &client,
        &api.base_url,
        &ids,
        Work::Blocking,
        args.work,
    ));
    print_summary(Work::Blocking, &run);
    runs.push((Work::Blocking, format!("{} workers", args.workers), run));
    // ANCHOR_END: runtimes

    // ANCHOR: reqwest_blocking_run
    // The blocking client, called from a task. Its panic is expected here: the default panic
    // hook would print it with a backtrace, so a quiet hook stands in for this one call.
    println!("\nreqwest::blocking::Client, called from async code:");
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let outcome = one_thread.block_on(reqwest_blocking_inside_async(format!(
        "{}/posts/1",
        api.base_url
    )));
    std::panic::set_hook(hook);
    match outcome {
        BlockingClientInAsync::Panicked(message) => {
            println!("  panicked:");
            for line in wrapped(&message, BAR_WIDTH + 20) {
                println!("    {line}");
            }
        }
        BlockingClientInAsync::Blocked(held) => println!(
            "  no panic (a release build skips reqwest's check): it held the runtime's thread \
             for {}",
            format_duration(held)
        ),
    }
    // ANCHOR_END: reqwest_blocking_run

    let span = runs
        .iter()
        .map(|(_, _, run)| run.elapsed)
        .max()
        .unwrap_or_default();
    println!(
        "\nTimeline, 0 to {}: · waiting for the answer (or for a thread), █ working",
        format_duration(span)
    );
    for (work, runtime, run) in &runs {
        let label = match work {
            Work::Async => "async",
            Work::Blocking => "blocking",
            Work::Offloaded => "offloaded",
            // The CPU runs look like their sleeping twins: not drawn again.
            Work::Compute | Work::ComputeOffloaded => continue,
        };
        for (row, (timed, bar)) in run
            .requests
            .iter()
            .zip(timeline_bars(run, span, BAR_WIDTH))
            .enumerate()
            .take(8)
        {
            let name = if row == 0 {
                format!("{label}, {runtime}")
            } else {
                String::new()
            };
            println!("{name:>19} #{:<3}|{bar}|", timed.id);
        }
    }
    Ok(())
}

/// One run in one line: how it went, the heartbeat's longest gap, and the longest any task
/// waited for its answer (the server takes 100 ms; the rest is waiting for the thread).
fn print_summary(work: Work, run: &Batch) {
    println!(
        "  {:<47} {}/{} in {:>6}  gap {:>6}  slowest answer {:>6}",
        work.code(),
        run.successes(),
        run.requests.len(),
        format_duration(run.elapsed),
        format_duration(run.longest_gap),
        format_duration(run.slowest_answer())
    );
}

/// Nothing came back at all: the server is down or is not a JSONPlaceholder API, and the other
/// runs would only fail again.
fn give_up_if_nothing_answered(run: &Batch) -> Result<(), Error> {
    if run.successes() > 0 {
        return Ok(());
    }
    match run.requests.first().map(|timed| &timed.outcome) {
        Some(Err(err)) => Err(format!(
            "all {} requests failed; the first: {}",
            run.requests.len(),
            explain(err)
        )
        .into()),
        _ => Ok(()),
    }
}

/// `text` cut into lines of at most `width` characters, at spaces.
fn wrapped(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}
