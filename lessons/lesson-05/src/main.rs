//! Lesson 05: bounded concurrency.
//!
//! ```text
//! cargo run -p lesson-05                        # 5,000 photos, 50 in flight, then the table
//! cargo run -p lesson-05 -- --limit 200         # another bound for the 5,000
//! cargo run -p lesson-05 -- --latency 50ms      # a slower server: the knee moves up
//! cargo run -p lesson-05 -- --table-count 0     # no table
//! cargo run -p lesson-05 -- --deadline 300s     # more time for a slow server or a long table
//! ```
//!
//! With the defaults it runs in about five seconds: the 5,000 photos (half of them each way) at
//! one to two thousand a second, then the table on 100 photos, whose slowest row (one request
//! at a time, 100 × 20 ms) takes two seconds. Whatever the server does, the run ends within its
//! deadline (60 s unless `--deadline` says otherwise).

use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use lesson_05::{
    Row, Run, limits_to_compare, photos_buffer_unordered, photos_with_semaphore, progress_bar,
    proportional_bar,
};
use lesson_support::api::format_duration;
use lesson_support::report::{explain, shorten};
use lesson_support::{ApiArgs, Error, Latency, exit_code};
use tokio::time::Instant;

/// Fetch all 5,000 photos with at most K requests in flight, two ways, then compare limits.
#[derive(Parser, Debug)]
struct Args {
    /// How many photos to fetch (ids 1 to N; JSONPlaceholder has 5,000, so a larger N shows
    /// per-photo failures).
    #[arg(long, value_name = "N", default_value_t = 5000, value_parser = clap::value_parser!(u64).range(1..=10_000))]
    count: u64,

    /// At most this many requests in flight at once.
    #[arg(long, value_name = "K", default_value_t = 50, value_parser = clap::value_parser!(u64).range(1..=10_000))]
    limit: u64,

    /// How many photos the table of limits fetches per row (0: no table). Its first row sends
    /// them one at a time, so keep it small.
    #[arg(long, value_name = "N", default_value_t = 100, value_parser = clap::value_parser!(u64).range(0..=2_000))]
    table_count: u64,

    /// How long the whole run may take, table included (up to 86400s). When it passes, the run
    /// stops, prints what had arrived, and exits with an error: raise it for a slow server, a
    /// long --latency or a large --table-count.
    #[arg(long, value_name = "DURATION", default_value = "60s", value_parser = parse_deadline)]
    deadline: Duration,

    #[command(flatten)]
    api: ApiArgs,
}

/// The built-in mock answers after this long unless `--latency` says otherwise: a server in
/// the same region. Long enough that overlapping requests pay off, short enough that the
/// table's one-at-a-time row stays brief.
const DEFAULT_LATENCY: Duration = Duration::from_millis(20);

/// Failures listed per run; the rest are counted.
const SHOWN: usize = 5;

/// Width of the throughput bars in the table: with the columns in front, a row fits 80.
const BAR_WIDTH: usize = 24;

/// The longest `--deadline`: a day. (A deadline is an instant, "now + the flag"; a duration
/// without bound could overflow it.)
const MAX_DEADLINE: Duration = Duration::from_secs(86_400);

#[tokio::main]
async fn main() -> ExitCode {
    // A closed pipe (`lesson-05 | head -1`) ends the run quietly, a full disk with one line,
    // instead of a panic in `println!` (see lesson 01).
    lesson_support::output::exit_on_write_error();
    exit_code(run(Args::parse()).await)
}

async fn run(args: Args) -> Result<(), Error> {
    let api = args.api.connect(Latency::Fixed(DEFAULT_LATENCY)).await?;
    // One deadline for the whole run. `--limit` bounds the requests in flight, not the time:
    // against a server that accepts and never answers, every request waits out the client's
    // 30-second timeout, and the defaults would take 25 minutes of such waves. Each part below
    // stops at this instant and keeps what had arrived.
    let deadline = Instant::now() + args.deadline;
    // The flags are at most 10,000, so these conversions cannot truncate.
    let limit = args.limit as usize;
    let ids: Vec<u64> = (1..=args.count).collect();
    // Half the photos each way, so that both ways are timed on the same kind of work and all
    // the photos are fetched once.
    let (first_half, second_half) = ids.split_at(ids.len().div_ceil(2));
    println!(
        "Fetching photos 1 to {} from {}, at most {limit} in flight\n",
        args.count, api.base_url
    );

    // 1. A stream: `buffer_unordered(limit)`, all in this one task.
    println!(
        "Photos {} with buffer_unordered({limit}): a stream, polled in this task",
        span(first_half)
    );
    let progress = progress_bar(first_half.len() as u64);
    let streamed = photos_buffer_unordered(
        &api.client,
        &api.base_url,
        first_half,
        limit,
        deadline,
        &progress,
    )
    .await;
    progress.finish_and_clear();
    print_run(&streamed);
    if streamed.cut_short() {
        let what = format!(
            "{}; the Semaphore run and the table did not start",
            arrived(&streamed, "buffer_unordered")
        );
        return Err(deadline_passed(args.deadline, &what));
    }
    // Nothing arrived at all: the server is down or is not a JSONPlaceholder API. The other
    // runs would only fail again.
    if streamed.successes() == 0 {
        return Err(all_failed(&streamed));
    }

    // 2. The same bound across spawned tasks: one `Semaphore` with `limit` permits.
    if !second_half.is_empty() {
        println!(
            "\nPhotos {} with Semaphore({limit}) + JoinSet: one spawned task per photo",
            span(second_half)
        );
        let progress = progress_bar(second_half.len() as u64);
        let spawned = photos_with_semaphore(
            &api.client,
            &api.base_url,
            second_half,
            limit,
            deadline,
            &progress,
        )
        .await;
        progress.finish_and_clear();
        print_run(&spawned);
        if spawned.cut_short() {
            let what = format!(
                "the buffer_unordered run finished, then {}{}",
                arrived(&spawned, "the Semaphore"),
                if args.table_count > 0 {
                    "; the table did not start"
                } else {
                    ""
                }
            );
            return Err(deadline_passed(args.deadline, &what));
        }
    }

    // 3. Why not a bigger limit, or none? Time the same photos with several limits.
    if args.table_count > 0 {
        let count = args.table_count as usize;
        let table_ids: Vec<u64> = (1..=args.table_count).collect();
        println!("\nThe first {count} photos with each limit (buffer_unordered):");
        let limits = limits_to_compare(count);
        // One bar for the whole table: the first row, one request at a time, is the long one.
        let progress = progress_bar((count * limits.len()) as u64);
        let mut rows = Vec::new();
        for table_limit in limits {
            let run = photos_buffer_unordered(
                &api.client,
                &api.base_url,
                &table_ids,
                table_limit,
                deadline,
                &progress,
            )
            .await;
            let cut_short = run.cut_short();
            rows.push(Row {
                limit: table_limit,
                run,
            });
            if cut_short {
                break;
            }
        }
        progress.finish_and_clear();
        print_table(&rows);
        // The last row is the only one the deadline can have cut: the loop stops there.
        if let Some(cut) = rows.last().filter(|row| row.run.cut_short()) {
            let what = format!(
                "both runs finished, then the table's row for limit {} had {} of {count} photos; \
                 {} of {} rows were complete",
                cut.limit,
                cut.run.successes(),
                rows.len() - 1,
                limits_count(count),
            );
            return Err(deadline_passed(args.deadline, &what));
        }
        print_what_the_table_shows(&rows, args.api.base_url.is_none());
    }
    Ok(())
}

/// How many rows the table has for `count` photos.
fn limits_count(count: usize) -> usize {
    limits_to_compare(count).len()
}

/// What a run cut short had fetched: `37 of 2500 photos had arrived with buffer_unordered`,
/// with the first failure, or a word about a silent server, when none had.
fn arrived(run: &Run, way: &str) -> String {
    let total = run.fetched.len() + run.unfinished;
    let line = format!(
        "{} of {total} photos had arrived with {way}",
        run.successes()
    );
    if run.successes() > 0 {
        line
    } else if let Some((_, err)) = run.failures().first() {
        format!("{line} (the first failure: {})", reason(err))
    } else {
        format!("{line} (no answer at all: is the server answering?)")
    }
}

/// The error for a run that the deadline cut short: what had finished, and what to do.
fn deadline_passed(deadline: Duration, what_finished: &str) -> Error {
    // A suggestion of four times as long, in whole seconds, within the flag's range.
    let longer = (deadline * 4).min(MAX_DEADLINE).as_secs().max(1);
    format!(
        "the {} deadline passed: {what_finished}; for more time, raise it with --deadline \
         (such as --deadline {longer}s)",
        mock_server::format_duration(deadline)
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

/// `first to last` of a run of consecutive ids, such as `1 to 2500`.
fn span(ids: &[u64]) -> String {
    match (ids.first(), ids.last()) {
        (Some(first), Some(last)) if first != last => format!("{first} to {last}"),
        (Some(first), _) => first.to_string(),
        (None, _) => "none".to_owned(),
    }
}

/// The run's summary line, and each failure (the first few) by id.
fn print_run(run: &Run) {
    println!(
        "  {} of {} photos in {} ({:.0} a second), at most {} in flight",
        run.successes(),
        run.fetched.len() + run.unfinished,
        format_duration(run.elapsed),
        run.per_second(),
        run.peak_in_flight
    );
    let failures = run.failures();
    for (id, err) in failures.iter().take(SHOWN) {
        println!("  #{id:<5} failed: {}", shorten(&reason(err), 62));
    }
    if failures.len() > SHOWN {
        println!("  … and {} more failures", failures.len() - SHOWN);
    }
    if run.cut_short() {
        println!(
            "  {} unfinished at the deadline: cancelled in flight, or never started",
            run.unfinished
        );
    }
}

/// The error for a run in which nothing arrived, naming the first failure.
fn all_failed(run: &Run) -> Error {
    match run.failures().first() {
        Some((_, err)) => {
            let reason = explain(*err);
            format!(
                "all {} requests failed; the first: {reason}",
                run.fetched.len()
            )
            .into()
        }
        None => "no photos were fetched".into(),
    }
}

/// One line per limit: time, throughput (with a bar), the peak in flight, the throughput per
/// connection, and any failures.
fn print_table(rows: &[Row]) {
    let fastest = rows
        .iter()
        .map(|row| row.run.per_second())
        .fold(0.0, f64::max);
    println!(
        "  {:>5}  {:>7}  {:>8}  {:<BAR_WIDTH$}  {:>9}  {:>8}",
        "limit", "time", "photos/s", "", "in flight", "per conn"
    );
    for row in rows {
        let run = &row.run;
        let failed = run.fetched.len() - run.successes();
        let note = if run.cut_short() {
            format!("  cut short: {} done", run.fetched.len())
        } else if failed > 0 {
            format!("  {failed} failed")
        } else {
            String::new()
        };
        // Each request in flight holds a connection of its own (HTTP/1.1 sends one request
        // at a time per connection), so this is what each connection was worth.
        let per_connection = run.per_second() / run.peak_in_flight.max(1) as f64;
        println!(
            "  {:>5}  {:>7}  {:>8.0}  {}  {:>9}  {per_connection:>8.1}{note}",
            row.limit,
            format_duration(run.elapsed),
            run.per_second(),
            proportional_bar(run.per_second(), fastest, BAR_WIDTH),
            run.peak_in_flight,
        );
    }
}

/// What the table shows, in numbers: what the last step up in the limit cost and bought
/// (among the rows where every request succeeded). Then the first error of each row that had
/// failures.
fn print_what_the_table_shows(rows: &[Row], built_in_mock: bool) {
    let clean: Vec<&Row> = rows
        .iter()
        .filter(|row| row.run.successes() == row.run.fetched.len())
        .collect();
    if let [.., before, last] = clean.as_slice() {
        let connections = last.run.peak_in_flight as f64 / before.run.peak_in_flight.max(1) as f64;
        let speed = last.run.per_second() / before.run.per_second().max(f64::EPSILON);
        println!(
            "\nFrom {} to {} in flight: {connections:.1}x the connections for {speed:.2}x the speed.",
            before.run.peak_in_flight, last.run.peak_in_flight
        );
    }
    let server = if built_in_mock {
        "the server (here the built-in mock, which answers on one thread)"
    } else {
        "the server"
    };
    println!(
        "{}",
        wrap(
            &format!(
                "Past a point, more in flight stops paying: {server} answers only so many \
                 requests a second, and the extra requests just wait there, each holding a \
                 connection. reqwest sets no cap on connections: the bound is yours."
            ),
            78
        )
    );
    for row in rows {
        if let Some((_, err)) = row.run.failures().first() {
            let failed = row.run.fetched.len() - row.run.successes();
            let line = format!("  limit {}: {failed} failed; the first: ", row.limit);
            let room = 80usize.saturating_sub(line.chars().count()).max(20);
            println!("{line}{}", shorten(&reason(err), room));
        }
    }
}

/// Why one request failed, in a few words: its status, or the innermost cause of the error
/// (the outer layers all say "error sending request for url (…)"). The error line at the end
/// of a failed run gives the whole chain.
fn reason(err: &reqwest::Error) -> String {
    if let Some(status) = err.status() {
        return format!("HTTP {status}");
    }
    let mut innermost: &dyn std::error::Error = err;
    while let Some(cause) = innermost.source() {
        innermost = cause;
    }
    let what = if err.is_connect() {
        "cannot connect: "
    } else if err.is_timeout() {
        "timed out: "
    } else if err.is_decode() {
        "not a photo: "
    } else {
        ""
    };
    format!("{what}{innermost}")
}

/// `text` broken into lines of at most `width` characters, between words.
fn wrap(text: &str, width: usize) -> String {
    let mut lines = vec![String::new()];
    for word in text.split_whitespace() {
        // `lines` starts with one line and only grows, so there is always a last one.
        let line = lines.last_mut().expect("there is always a line");
        if line.is_empty() {
            line.push_str(word);
        } else if line.chars().count() + 1 + word.chars().count() <= width {
            line.push(' ');
            line.push_str(word);
        } else {
            lines.push(word.to_owned());
        }
    }
    lines.join("\n")
}
