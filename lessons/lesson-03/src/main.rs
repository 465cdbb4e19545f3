//! Lesson 03: many requests at once.
//!
//! ```text
//! cargo run -p lesson-03                                  # posts 1 to 5, mock answering after 200ms
//! cargo run -p lesson-03 -- --count 100 --latency 200ms   # the effect grows with the count
//! cargo run -p lesson-03 -- --base-url https://jsonplaceholder.typicode.com
//! ```

use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use lesson_03::{Run, timeline_bars, titles_concurrently, titles_sequentially};
use lesson_support::api::format_duration;
use lesson_support::report::{error_chain, explain, shorten};
use lesson_support::{ApiArgs, Error, Latency, exit_code};

/// Fetch the titles of posts 1 to N concurrently, then one after another, and compare.
#[derive(Parser, Debug)]
struct Args {
    /// How many posts to fetch (ids 1 to N; JSONPlaceholder has 100, so a larger N shows
    /// per-post failures).
    #[arg(long, value_name = "N", default_value_t = 5, value_parser = clap::value_parser!(u64).range(1..=1000))]
    count: u64,

    #[command(flatten)]
    api: ApiArgs,
}

/// The built-in mock answers after this long unless `--latency` says otherwise: a typical round
/// trip to a server on another continent, long enough for the overlap to show.
const DEFAULT_LATENCY: Duration = Duration::from_millis(200);

/// Titles and failures printed per run; the rest are counted, not listed.
const SHOWN: usize = 10;

/// Width of the timeline bars: with the labels in front, a line fits 80 columns.
const BAR_WIDTH: usize = 60;

#[tokio::main]
async fn main() -> ExitCode {
    // A closed pipe (`lesson-03 | head -1`) ends the run quietly, a full disk with one line,
    // instead of a panic in `println!` (see lesson 01).
    lesson_support::output::exit_on_write_error();
    let args = Args::parse();
    exit_code(run(args).await)
}

async fn run(args: Args) -> Result<(), Error> {
    let api = args.api.connect(Latency::Fixed(DEFAULT_LATENCY)).await?;
    let ids: Vec<u64> = (1..=args.count).collect();
    println!(
        "Fetching the titles of posts 1 to {} from {}\n",
        args.count, api.base_url
    );

    // Both runs share the one client: `&api.client` is lent to every request.
    let concurrent = titles_concurrently(&api.client, &api.base_url, &ids).await;
    println!("Concurrently (join_all):");
    print_results(&concurrent, true);

    // Nothing came back at all: the server is down or is not a JSONPlaceholder API. A
    // sequential run would only fail again, slower.
    if let (0, Some(first)) = (concurrent.successes(), concurrent.fetched.first()) {
        if let Err(err) = &first.title {
            let reason = explain(err);
            return Err(format!("all {} requests failed; the first: {reason}", ids.len()).into());
        }
    }

    let sequential = titles_sequentially(&api.client, &api.base_url, &ids).await;
    println!("\nOne after another (.await in a for loop):");
    print_results(&sequential, false);

    let speedup = sequential.elapsed.as_secs_f64() / concurrent.elapsed.as_secs_f64();
    println!("\nConcurrent was {speedup:.1}x faster.\n");

    let span = concurrent.elapsed.max(sequential.elapsed);
    println!(
        "Timeline: each bar is one request, from its start to its end (0 to {}).",
        format_duration(span)
    );
    print_timeline("concurrent", &concurrent, span);
    print_timeline("sequential", &sequential, span);
    Ok(())
}

/// The titles (when asked), every failure, and the run's summary line.
fn print_results(run: &Run, with_titles: bool) {
    let mut listed = 0;
    for fetched in &run.fetched {
        let line = match &fetched.title {
            Ok(title) if with_titles => format!("#{:<4} {}", fetched.id, shorten(title, 68)),
            Ok(_) => continue,
            Err(err) => format!(
                "#{:<4} failed: {}",
                fetched.id,
                shorten(&error_chain(err), 60)
            ),
        };
        listed += 1;
        if listed <= SHOWN {
            println!("  {line}");
        }
    }
    if listed > SHOWN {
        println!("  … and {} more", listed - SHOWN);
    }
    println!(
        "  {} of {} succeeded in {}",
        run.successes(),
        run.fetched.len(),
        format_duration(run.elapsed)
    );
}

/// The bars of one run, labelled; long runs show their first requests only.
fn print_timeline(label: &str, run: &Run, span: Duration) {
    let bars = timeline_bars(run, span, BAR_WIDTH);
    for (row, (fetched, bar)) in run.fetched.iter().zip(&bars).enumerate().take(SHOWN) {
        let label = if row == 0 { label } else { "" };
        println!("{label:>10} #{:<4}|{bar}|", fetched.id);
    }
    if bars.len() > SHOWN {
        println!("{:>10} … {} more rows", "", bars.len() - SHOWN);
    }
}
