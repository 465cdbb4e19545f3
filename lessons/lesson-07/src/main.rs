//! Lesson 07: resilience: retries with backoff, a deadline, and Ctrl-C.
//!
//! ```text
//! cargo run -p lesson-07                                  # 30 posts; 30% of requests fail
//! cargo run -p lesson-07 -- --count 100 --latency 300ms   # long enough to press Ctrl-C
//! cargo run -p lesson-07 -- --fail-share 0.6 --max-attempts 2 --seed 7
//! cargo run -p lesson-07 -- --deadline 1s                 # a deadline that cuts the run short
//! ```

use std::process::ExitCode;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use clap::Parser;
use lesson_07::{Batch, BatchLimits, Ending, Retry, RetryPolicy, fetch_all};
use lesson_support::api::format_duration;
use lesson_support::report::{error_chain, explain, shorten};
use lesson_support::{ApiArgs, Error, Latency, exit_code};
use mock_server::{Fault, FaultEffect, FaultSelect, ServeOptions};

/// Fetch posts 1 to N from a server that fails on purpose: retry what is worth retrying, with
/// growing waits, within a deadline. Ctrl-C stops the run and keeps what had arrived.
#[derive(Parser, Debug)]
struct Args {
    /// How many posts to fetch (ids 1 to N).
    #[arg(long, value_name = "N", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=1000))]
    count: u64,

    /// Attempts per post in all, the first one included.
    #[arg(long, value_name = "N", default_value_t = 4, value_parser = clap::value_parser!(u32).range(1..=20))]
    max_attempts: u32,

    /// The longest wait before a first retry; it doubles with every retry, up to 2s.
    #[arg(long, value_name = "DURATION", default_value = "100ms", value_parser = parse_positive_duration)]
    base_delay: Duration,

    /// How long the whole run may take, waits included; what has not arrived by then is
    /// given up.
    #[arg(long, value_name = "DURATION", default_value = "10s", value_parser = parse_positive_duration)]
    deadline: Duration,

    /// The share of requests (0 to 1) that the built-in mock fails with 503. Above 0, about 1
    /// request in 20 also gets 429 with Retry-After: 1, and 1 in 25 loses its connection.
    #[arg(long, value_name = "SHARE", default_value_t = 0.3, value_parser = parse_share, conflicts_with = "base_url")]
    fail_share: f64,

    /// Seeds the built-in mock's faults and the retry waits, to repeat a run: the same seed
    /// prints the same retries and the same summary (only the timings and the order of the
    /// lines may change). Without it, each run picks a seed and prints it.
    #[arg(long, value_name = "N")]
    seed: Option<u64>,

    #[command(flatten)]
    api: ApiArgs,
}

/// The built-in mock answers after this long unless `--latency` says otherwise.
const DEFAULT_LATENCY: Duration = Duration::from_millis(100);

/// The waits never grow past this, however many retries.
const MAX_DELAY: Duration = Duration::from_secs(2);

/// Posts fetched at the same time (lesson 05's bound): enough to keep the run short, few
/// enough that the retries of one post can be followed on screen.
const CONCURRENCY: usize = 8;

/// Failures listed at the end; the rest are counted, not listed.
const SHOWN: usize = 10;

#[tokio::main]
async fn main() -> ExitCode {
    // A closed pipe (`lesson-07 | head -1`) ends the run quietly, a full disk with one line,
    // instead of a panic in `println!` (see lesson 01).
    lesson_support::output::exit_on_write_error();
    exit_code(run(Args::parse()).await)
}

async fn run(args: Args) -> Result<(), Error> {
    let seed = args.seed.unwrap_or_else(seed_from_clock);
    // The built-in mock fails on purpose (see `faults`); a real server fails only when it fails.
    let target = args
        .api
        .connect_with(ServeOptions {
            latency: Latency::Fixed(DEFAULT_LATENCY),
            seed,
            faults: faults(args.fail_share),
            ..ServeOptions::default()
        })
        .await?;
    let ids: Vec<u64> = (1..=args.count).collect();
    let limits = BatchLimits {
        policy: RetryPolicy {
            max_attempts: args.max_attempts,
            base_delay: args.base_delay,
            max_delay: MAX_DELAY.max(args.base_delay),
        },
        concurrency: CONCURRENCY,
        deadline: args.deadline,
        seed,
    };
    println!(
        "Fetching posts 1 to {}, {CONCURRENCY} at a time, up to {} attempts each.",
        args.count, args.max_attempts
    );
    println!(
        "Waits: at most {}, doubling up to {}, full jitter (seed {seed}).",
        mock_server::format_duration(limits.policy.base_delay),
        mock_server::format_duration(limits.policy.max_delay)
    );
    println!(
        "Deadline: {}. Ctrl-C stops early and keeps what arrived.\n",
        mock_server::format_duration(args.deadline)
    );

    // Ctrl-C, as a future that completes when the user presses it. Until this future is first
    // polled, Ctrl-C still kills the process outright; `fetch_all` polls it first, before it
    // sends any request, so by the first retry line Ctrl-C is ours to handle.
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            // No handler could be installed: then Ctrl-C keeps its default effect (ending the
            // process), and this future must never complete, or it would stop the run at once.
            std::future::pending::<()>().await;
        }
    };
    // Each retry is printed the moment it is decided, before its wait begins.
    let batch = fetch_all(
        &target.client,
        &target.base_url,
        &ids,
        &limits,
        ctrl_c,
        print_retry,
    )
    .await;

    print_summary(&batch, ids.len());
    let (fetched, total) = (batch.fetched(), ids.len());
    match batch.ending {
        Ending::Interrupted => {
            Err(format!("interrupted: {fetched} of {total} posts fetched").into())
        }
        Ending::DeadlinePassed => Err(format!(
            "the {} deadline passed: {fetched} of {total} posts fetched; for more time, raise \
             it with --deadline (such as --deadline {}s)",
            mock_server::format_duration(args.deadline),
            // Four times as long, in whole seconds.
            (args.deadline.as_secs_f64() * 4.0).ceil()
        )
        .into()),
        Ending::Finished if fetched == 0 => {
            // Nothing arrived at all: the server is down or is not a JSONPlaceholder API.
            let first = batch.outcomes.iter().find_map(|o| o.result.as_ref().err());
            let reason = first.map(|err| explain(err)).unwrap_or_default();
            Err(format!("all {total} posts failed; the first: {reason}").into())
        }
        Ending::Finished => Ok(()),
    }
}

/// `post 7: 503 Service Unavailable, retry 1 in 64ms`.
fn print_retry(id: u64, retry: &Retry) {
    let asked = if retry.asked_by_server {
        " (Retry-After)"
    } else {
        ""
    };
    println!(
        "post {id}: {}, retry {} in {}{asked}",
        retry.failure,
        retry.number,
        format_duration(retry.wait)
    );
}

/// How the run ended, what arrived, what needed retries, and each failure.
fn print_summary(batch: &Batch, total: usize) {
    let retried = batch.outcomes.iter().filter(|o| o.attempts > 1).count();
    let retries: u32 = batch.outcomes.iter().map(|o| o.attempts - 1).sum();
    let how = match batch.ending {
        Ending::Finished => "Done",
        Ending::DeadlinePassed => "Deadline passed",
        Ending::Interrupted => "Interrupted",
    };
    println!(
        "\n{how} after {}: {} of {total} posts fetched; {retried} needed retries \
         ({retries} in all).",
        format_duration(batch.elapsed),
        batch.fetched(),
    );
    let unfinished = total - batch.completed();
    if unfinished > 0 {
        // Dropped with the batch: a few in the middle of a request or a wait, most not started.
        println!("{unfinished} posts unfinished: abandoned in progress, or never started.");
    }
    let failed: Vec<String> = batch
        .outcomes
        .iter()
        .filter_map(|o| {
            let err = o.result.as_ref().err()?;
            // A status says it all; other errors need their chain of causes.
            let reason = match err.status() {
                Some(status) => status.to_string(),
                None => error_chain(err),
            };
            let line = format!("post {} after {} attempts: {reason}", o.id, o.attempts);
            Some(shorten(&line, 78))
        })
        .collect();
    if !failed.is_empty() {
        println!("{} failed for good:", failed.len());
        for line in failed.iter().take(SHOWN) {
            println!("  {line}");
        }
        if failed.len() > SHOWN {
            println!("  … and {} more", failed.len() - SHOWN);
        }
    }
}

/// The mock's faults for `--fail-share`: a share of 503s, and with them a few 429s and dropped
/// connections, so that every kind of retry shows up. The first fault that picks a request
/// decides its failure, so the rarer ones come first.
///
/// Each share is drawn per path (`SharePerPath`): whether post 7's second attempt fails
/// depends on the seed, not on which of the eight posts in flight reached the server first.
/// Numbering requests as they arrive (`Share`, `EveryNth`) would let thread timing move the
/// faults from one post to another, and the same `--seed` print different retries.
fn faults(share: f64) -> Vec<Fault> {
    if share == 0.0 {
        return Vec::new();
    }
    vec![
        Fault {
            select: FaultSelect::SharePerPath(0.05),
            effect: FaultEffect::TooManyRequests {
                retry_after: Duration::from_secs(1),
            },
        },
        Fault {
            select: FaultSelect::SharePerPath(0.04),
            effect: FaultEffect::DropConnection,
        },
        Fault {
            select: FaultSelect::SharePerPath(share),
            effect: FaultEffect::Status(503),
        },
    ]
}

/// A seed that differs from run to run: the clock's nanoseconds.
fn seed_from_clock() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| u64::from(since.subsec_nanos()))
}

/// Reads `--fail-share`: a number from 0 to 1.
fn parse_share(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(share) if (0.0..=1.0).contains(&share) => Ok(share),
        _ => Err("write a share from 0 to 1, such as 0.3 for 30% of requests".to_owned()),
    }
}

/// Reads a duration above zero: `250ms`, `2s`, `1.5s`.
fn parse_positive_duration(text: &str) -> Result<Duration, String> {
    match mock_server::parse_duration(text)? {
        Duration::ZERO => Err("write a duration above zero, such as 250ms or 2s".to_owned()),
        duration => Ok(duration),
    }
}
