//! Lesson 08: async file I/O. Save each post as its own JSON file, a few at a time, atomically,
//! and skip on the next run what is already saved.
//!
//! ```text
//! cargo run -p lesson-08                        # posts 1 to 10 into a folder under /tmp
//! cargo run -p lesson-08                        # again: everything is skipped, nothing fetched
//! cargo run -p lesson-08 -- --count 103         # posts 101 to 103 do not exist: 404, no file
//! cargo run -p lesson-08 -- --dir ./posts --concurrency 8 --latency 100ms
//! ```

use std::path::PathBuf;
use std::pin::pin;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::Parser;
use futures::StreamExt;
use lesson_08::{SaveError, Saved, Tally, default_dir, post_path, save_posts};
use lesson_support::api::format_duration;
use lesson_support::report::{explain, shorten};
use lesson_support::{ApiArgs, Error, Latency, exit_code};

/// Save posts 1 to N as JSON files, several at a time; a rerun skips the saved ones.
#[derive(Parser, Debug)]
struct Args {
    /// The folder to save into, created if needed [default: async-http-course/posts in the
    /// system's temporary directory]
    #[arg(long, value_name = "PATH")]
    dir: Option<PathBuf>,

    /// How many posts to save (ids 1 to N; JSONPlaceholder has 100, so a larger N shows
    /// per-post failures).
    #[arg(long, value_name = "N", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=1000))]
    count: u64,

    /// How many posts may be in flight (request and file) at the same time.
    #[arg(long, value_name = "N", default_value_t = 4, value_parser = clap::value_parser!(u64).range(1..=100))]
    concurrency: u64,

    #[command(flatten)]
    api: ApiArgs,
}

/// The built-in mock answers after this long unless `--latency` says otherwise: long enough
/// for the batches of `--concurrency` posts to show in the timings.
const DEFAULT_LATENCY: Duration = Duration::from_millis(200);

/// Lines listed of each kind (saved, skipped, failed); the rest are counted, not listed.
const SHOWN: usize = 10;

/// Room for the reason on a failed post's line, after "  post-101.json   failed   ".
const REASON_WIDTH: usize = 53;

#[tokio::main]
async fn main() -> ExitCode {
    let args = Args::parse();
    exit_code(run(args).await)
}

async fn run(args: Args) -> Result<(), Error> {
    let dir = args.dir.unwrap_or_else(default_dir);
    // Made once, before anything else: a folder we cannot create (a path under a regular
    // file, say) is one clear error, not a hundred failed posts.
    tokio::fs::create_dir_all(&dir)
        .await
        .map_err(|err| format!("cannot save into {}: {err}", dir.display()))?;

    let api = args.api.connect(Latency::Fixed(DEFAULT_LATENCY)).await?;

    println!("Saving posts 1 to {} from {}", args.count, api.base_url);
    println!("into {}", dir.display());
    println!(
        "(at most {} at a time; a post already saved is skipped without a request)\n",
        args.concurrency
    );

    let origin = Instant::now();
    let limit = usize::try_from(args.concurrency).unwrap_or(usize::MAX);
    // The outcomes arrive as each post finishes, so each line is printed as it happens.
    let mut outcomes = pin!(save_posts(
        &api.client,
        &api.base_url,
        &dir,
        1..=args.count,
        limit
    ));
    let mut tally = Tally::default();
    // Lines printed per kind (saved, skipped, failed), each kind up to `SHOWN`.
    let mut listed = [0; 3];
    let mut first_failure: Option<SaveError> = None;
    while let Some((id, outcome)) = outcomes.next().await {
        tally.add(&outcome);
        let name = post_path(&dir, id)
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        let (kind, line) = match &outcome {
            Ok(Saved::Written { bytes }) => (
                0,
                format!(
                    "saved    {bytes:>4} bytes, done after {}",
                    format_duration(origin.elapsed())
                ),
            ),
            Ok(Saved::AlreadyThere) => (1, "skipped  already saved, no request sent".to_owned()),
            Err(err) => (
                2,
                format!("failed   {}", shorten(&reason(err), REASON_WIDTH)),
            ),
        };
        if listed[kind] < SHOWN {
            listed[kind] += 1;
            println!("  {name:<15} {line}");
        }
        if let Err(err) = outcome {
            first_failure.get_or_insert(err);
        }
    }
    let total = tally.saved + tally.skipped + tally.failed;
    let unlisted = total - listed.iter().sum::<usize>();
    if unlisted > 0 {
        println!("  … and {unlisted} more");
    }
    println!("\n{tally} in {}", format_duration(origin.elapsed()));

    // Nothing saved and nothing already there: the server is down, is not a JSONPlaceholder
    // API, or the folder refuses every file.
    if let (0, 0, Some(err)) = (tally.saved, tally.skipped, &first_failure) {
        let reason = explain(err);
        return Err(format!("all {total} posts failed; the first: {reason}").into());
    }
    if tally.saved > 0 {
        println!("Run it again: the saved posts are skipped, and no request is sent for them.");
    } else {
        println!("Nothing to fetch. To start over, delete {}", dir.display());
    }
    Ok(())
}

/// Why a post failed, short enough for its line: the outermost error and the innermost cause
/// ("error decoding response body: expected value at line 1 column 1"), or the cause alone
/// when both do not fit; never the URL, which the post's name already tells. The full chain
/// is for the final error line.
fn reason(err: &SaveError) -> String {
    let (outer, source): (String, &(dyn std::error::Error + 'static)) = match err {
        SaveError::Fetch { source, .. } => (without_url(source), source),
        SaveError::Write { source, .. } => (source.to_string(), source),
    };
    let mut innermost = source;
    while let Some(cause) = innermost.source() {
        innermost = cause;
    }
    let cause = innermost.to_string();
    let both = format!("{outer}: {cause}");
    if outer.contains(&cause) {
        outer
    } else if both.chars().count() <= REASON_WIDTH {
        both
    } else {
        // The innermost cause is the specific one: "Connection refused (os error 111)".
        cause
    }
}

/// reqwest's message without its " for url (…)": "HTTP status client error (404 Not Found)".
fn without_url(err: &reqwest::Error) -> String {
    let message = err.to_string();
    match err.url() {
        Some(url) => message.replace(&format!(" for url ({url})"), ""),
        None => message,
    }
}
