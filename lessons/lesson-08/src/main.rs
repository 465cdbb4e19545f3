//! Lesson 08: async file I/O. Save each post as its own JSON file, a few at a time, atomically,
//! and skip on the next run what is already saved.
//!
//! ```text
//! cargo run -p lesson-08                        # posts 1 to 10 into a folder under /tmp
//! cargo run -p lesson-08                        # again: everything is skipped, nothing fetched
//! cargo run -p lesson-08 -- --count 103         # posts 101 to 103 do not exist: 404, no file
//! cargo run -p lesson-08 -- --dir ./posts --concurrency 8 --latency 100ms
//! cargo run -p lesson-08 -- --count 1000 --deadline 300s   # more time for a long run
//! ```

use std::path::PathBuf;
use std::pin::pin;
use std::process::ExitCode;
use std::time::{Duration, SystemTime};

use clap::Parser;
use futures::StreamExt;
use lesson_08::{
    SaveError, Saved, Tally, default_dir, post_path, remove_stale_temp_files, save_posts,
};
use lesson_support::api::format_duration;
use lesson_support::report::{explain, shorten};
use lesson_support::{ApiArgs, Error, Latency, exit_code};
use tokio::time::{Instant, sleep_until};

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

    /// How long the whole run may take (up to 86400s). When it passes, the posts in flight are
    /// given up and the run exits with an error; what was saved stays saved, and a rerun goes
    /// on from there. Raise it for a slow server or a large --count.
    #[arg(long, value_name = "DURATION", default_value = "60s", value_parser = parse_deadline)]
    deadline: Duration,

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

/// The longest `--deadline`: a day. (A deadline is an instant, "now + the flag"; a duration
/// without bound could overflow it.)
const MAX_DEADLINE: Duration = Duration::from_secs(86_400);

#[tokio::main]
async fn main() -> ExitCode {
    // A closed pipe (`lesson-08 | head -1`) ends the run quietly, a full disk with one line,
    // instead of a panic in `println!` (see lesson 01).
    lesson_support::output::exit_on_write_error();
    let args = Args::parse();
    exit_code(run(args).await)
}

async fn run(args: Args) -> Result<(), Error> {
    // When this run began: a temporary file older than this is no concurrent run's.
    let started = SystemTime::now();
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
        "(at most {} at a time; a post already saved is skipped without a request)",
        args.concurrency
    );
    // What a run killed halfway left behind: its temporary files, never a half-written post.
    let removed = remove_stale_temp_files(&dir, started)
        .await
        .map_err(|err| format!("cannot clean up {}: {err}", dir.display()))?;
    match removed {
        0 => {}
        1 => println!("Removed 1 temporary file left by an interrupted run."),
        n => println!("Removed {n} temporary files left by interrupted runs."),
    }
    println!();

    let origin = Instant::now();
    // One deadline for the whole batch: `--concurrency` bounds the posts in flight, not the
    // time. Against a server that accepts and never answers, each post waits out the client's
    // 30-second timeout, and 1,000 posts one at a time would take over eight hours.
    let deadline = origin + args.deadline;
    let limit = usize::try_from(args.concurrency).unwrap_or(usize::MAX);
    // The outcomes arrive as each post finishes, so each line is printed as it happens.
    // `take_until` ends the stream when the deadline's sleep completes. The posts still in
    // flight are then dropped, that is cancelled: their requests end, and a write caught
    // halfway leaves at most a temporary file, which the next run removes. What was saved
    // before stays saved.
    let mut outcomes = pin!(
        save_posts(&api.client, &api.base_url, &dir, 1..=args.count, limit)
            .take_until(sleep_until(deadline))
    );
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

    let wanted = usize::try_from(args.count).unwrap_or(usize::MAX);
    if total < wanted {
        return Err(deadline_passed(
            args.deadline,
            &tally,
            wanted,
            first_failure,
        ));
    }

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
    // Only the causes below the outer error: an error with none (a status error) is said by
    // `outer` alone. Its own message would bring the URL back.
    let Some(mut innermost) = source.source() else {
        return outer;
    };
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

/// The error for a run that the deadline cut short: what was done, and what to do.
fn deadline_passed(
    deadline: Duration,
    tally: &Tally,
    wanted: usize,
    first_failure: Option<SaveError>,
) -> Error {
    let done = tally.saved + tally.skipped + tally.failed;
    let what = match first_failure {
        _ if done == 0 => {
            format!(
                "none of the {wanted} posts was done: no answer at all (is the server answering?)"
            )
        }
        Some(err) if tally.saved + tally.skipped == 0 => format!(
            "{done} of {wanted} posts done, all failed (the first: {}), {} unfinished",
            reason(&err),
            wanted - done
        ),
        _ => format!(
            "{done} of {wanted} posts done ({tally}), {} unfinished",
            wanted - done
        ),
    };
    // A suggestion of four times as long, in whole seconds, within the flag's range.
    let longer = (deadline * 4).min(MAX_DEADLINE).as_secs().max(1);
    format!(
        "the {} deadline passed: {what}; run again to go on from there (saved posts are \
         skipped), or raise it with --deadline (such as --deadline {longer}s)",
        mock_server::format_duration(deadline),
    )
    .into()
}

/// Reads `--deadline`: a duration above zero and at most [`MAX_DEADLINE`], such as `90s`.
fn parse_deadline(text: &str) -> Result<Duration, String> {
    match mock_server::parse_duration(text)? {
        Duration::ZERO => Err("write a duration above zero, such as 90s or 300s".to_owned()),
        duration if duration > MAX_DEADLINE => {
            Err(format!("write at most {}s (a day)", MAX_DEADLINE.as_secs()))
        }
        duration => Ok(duration),
    }
}
