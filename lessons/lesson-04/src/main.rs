//! Lesson 04: errors and timeouts.
//!
//! ```text
//! cargo run -p lesson-04                       # the built-in mock answers after 300ms
//! cargo run -p lesson-04 -- --latency 100ms    # now the 200ms timeouts pass as well
//! cargo run -p lesson-04 -- --latency 1500ms   # and now even the 1s ones give up
//! ```

use std::future::Future;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::Parser;
use futures::future::join_all;
use lesson_04::{ApiError, causes, fetch_json, fetch_post, fetch_post_with_comments_by};
use lesson_support::api::format_duration;
use lesson_support::client::client_builder;
use lesson_support::models::Post;
use lesson_support::report::{Hinted, shorten, status_hint};
use lesson_support::{ApiArgs, Error, Latency, exit_code};
use mock_server::{Fault, FaultEffect, FaultSelect, MockApi};
use reqwest::StatusCode;

/// Watch a request fail in each way a call can, then bound requests in time three ways.
#[derive(Parser, Debug)]
struct Args {
    #[command(flatten)]
    api: ApiArgs,
}

/// The built-in mock answers after this long unless `--latency` says otherwise: between the
/// 200 ms and the 1 s timeouts of section 3, so that one gives up and the other does not.
const DEFAULT_LATENCY: Duration = Duration::from_millis(300);

/// How long section 4's server takes per answer: two answers one after the other take 600 ms.
const STEP_LATENCY: Duration = Duration::from_millis(300);

/// Lines are broken to fit this many columns.
const WIDTH: usize = 80;

#[tokio::main]
async fn main() -> ExitCode {
    // A closed pipe (`lesson-04 | head -1`) ends the run quietly, a full disk with one line,
    // instead of a panic in `println!` (see lesson 01).
    lesson_support::output::exit_on_write_error();
    let args = Args::parse();
    exit_code(run(args).await)
}

async fn run(args: Args) -> Result<(), Error> {
    let api = args.api.connect(Latency::Fixed(DEFAULT_LATENCY)).await?;
    let (client, base_url) = (&api.client, api.base_url.as_str());

    println!("1. A 404 is an answer, until you make it an error");
    // This one must work. If it does not, the server is down or is not a JSONPlaceholder API,
    // and its error (one line, through `exit_code`) is the program's answer.
    let post = fetch_post(client, base_url, 1).await.map_err(with_hint)?;
    println!("   GET /posts/1   -> {:?}", shorten(&post.title, 55));
    let response = client.get(format!("{base_url}/posts/101")).send().await?;
    println!(
        "   GET /posts/101 -> send() gave Ok: a response, status {}",
        response.status()
    );
    match response.error_for_status() {
        Ok(_) => println!("   .error_for_status() let it through"),
        Err(err) => {
            println!("   .error_for_status() turned it into an Err:");
            print_wrapped("     ", &err.to_string());
        }
    }

    println!("\n2. Each way a call fails, as an ApiError, with the chain of causes");
    show_failures(client, base_url).await?;

    println!("\n3. Timeouts: the client's, or the request's own");
    match (&args.api.base_url, args.api.latency) {
        (Some(url), _) => println!("   (the server is {url})"),
        (None, Some(latency)) => println!("   (the server answers after {latency})"),
        (None, None) => println!(
            "   (the server answers after {}; try --latency 100ms, then 1500ms)",
            format_duration(DEFAULT_LATENCY)
        ),
    }
    compare_timeouts(client, base_url).await?;

    println!("\n4. One deadline for several steps: tokio::time::timeout");
    show_deadlines().await?;
    Ok(())
}

/// Section 2: one request per kind of failure, against servers started here for the purpose.
async fn show_failures(client: &reqwest::Client, base_url: &str) -> Result<(), Error> {
    // Servers that misbehave on purpose, each in one way. They run on this machine whatever
    // `--base-url` says, so they get their own client: the course's client skips any proxy
    // only for a base URL on this machine.
    let failing = MockApi::builder()
        .fault(Fault {
            select: FaultSelect::EveryNth(1),
            effect: FaultEffect::Status(503),
        })
        .start()
        .await;
    let slow = MockApi::builder()
        .latency(Latency::Fixed(Duration::from_secs(1)))
        .start()
        .await;
    let hanging_up = MockApi::builder()
        .fault(Fault {
            select: FaultSelect::EveryNth(1),
            effect: FaultEffect::DropConnection,
        })
        .start()
        .await;
    let nowhere = lesson_support::api::unused_local_url()?;
    let local = lesson_support::client::client(&failing.uri())?;

    let (result, elapsed) = timed(fetch_post(client, base_url, 101)).await;
    report("GET /posts/101", result, elapsed);

    let (result, elapsed) = timed(fetch_post(&local, &failing.uri(), 1)).await;
    report(
        "GET /posts/1, from a server that answers 503 to everything",
        result,
        elapsed,
    );

    let request = local
        .get(format!("{}/posts/1", slow.uri()))
        .timeout(Duration::from_millis(100));
    let (result, elapsed) = timed(fetch_json::<Post>(request)).await;
    report(
        "GET /posts/1 with .timeout(100ms), from a server that takes 1s",
        result,
        elapsed,
    );

    let (result, elapsed) = timed(fetch_post(&local, &nowhere, 1)).await;
    report("GET /posts/1, where nothing listens", result, elapsed);

    let request = client.get(format!("{base_url}/todos/1"));
    let (result, elapsed) = timed(fetch_json::<Post>(request)).await;
    report("GET /todos/1, read as a Post", result, elapsed);

    let (result, elapsed) = timed(fetch_post(&local, &hanging_up.uri(), 1)).await;
    report(
        "GET /posts/1, from a server that hangs up without answering",
        result,
        elapsed,
    );
    Ok(())
}

/// Section 3: the same GET under five timeout settings.
async fn compare_timeouts(client: &reqwest::Client, base_url: &str) -> Result<(), Error> {
    let ms = Duration::from_millis;
    // ANCHOR: timeouts
    // The course's client: every request may take up to 30 s, unless it says otherwise.
    let patient = client;
    // A client whose every request gives up after 200 ms, from connecting to the last byte.
    let impatient = client_builder(base_url).timeout(ms(200)).build()?;
    // A client that gives up when the head takes more than 200 ms from `send()`, or when 200 ms
    // pass between two pieces of the body. The body's clock restarts with every piece, so a slow
    // but steady download never trips it.
    let idle_intolerant = client_builder(base_url).read_timeout(ms(200)).build()?;

    let url = format!("{base_url}/posts/1");
    let attempts = [
        // A request's own timeout replaces its client's, shorter or longer.
        ("30s", "200ms", patient.get(&url).timeout(ms(200))),
        ("30s", "1s", patient.get(&url).timeout(ms(1000))),
        ("200ms", "none", impatient.get(&url)),
        ("200ms", "1s", impatient.get(&url).timeout(ms(1000))),
        ("read 200ms", "none", idle_intolerant.get(&url)),
    ];
    // ANCHOR_END: timeouts

    // All five at once (lesson 03's `join_all`): each request runs its own clock, so the
    // times below are the same as one after another, and the table is ready sooner.
    let results = join_all(
        attempts.map(|(client_timeout, request_timeout, request)| async move {
            let (result, elapsed) = timed(fetch_json::<Post>(request)).await;
            (client_timeout, request_timeout, result, elapsed)
        }),
    )
    .await;

    println!("   client's     request's   outcome");
    for (client_timeout, request_timeout, result, elapsed) in results {
        let outcome = match result {
            Ok(post) => format!("post {} after {}", post.id, format_duration(elapsed)),
            Err(err) => format!("{} after {}", variant_name(&err), format_duration(elapsed)),
        };
        println!("   {client_timeout:<12} {request_timeout:<11} {outcome}");
    }
    println!("   A request's own timeout replaces its client's, longer or shorter.");
    Ok(())
}

/// Section 4: a post and its comments, two requests in turn, under one deadline, against a
/// server of our own that keeps a log of what it received.
async fn show_deadlines() -> Result<(), Error> {
    let server = MockApi::builder()
        .latency(Latency::Fixed(STEP_LATENCY))
        .start()
        .await;
    let client = lesson_support::client::client(&server.uri())?;
    println!(
        "   post 1, then its comments, from a server that takes {} per answer:",
        format_duration(STEP_LATENCY)
    );

    for deadline in [Duration::from_secs(2), Duration::from_millis(500)] {
        let first_arrival = server.arrivals().len();
        let started = Instant::now();
        let result = fetch_post_with_comments_by(&client, &server.uri(), 1, deadline).await;
        let elapsed = started.elapsed();
        let label = format!("deadline {}:", format_duration(deadline));
        match result {
            Ok((post, comments)) => println!(
                "   {label:<16} post {} and {} comments after {}",
                post.id,
                comments.len(),
                format_duration(elapsed)
            ),
            Err(err) => {
                println!(
                    "   {label:<16} ApiError::{} after {}",
                    variant_name(&err),
                    format_duration(elapsed)
                );
                print_causes(&err);
                // The server's log shows what dropping the future did: the last request
                // arrived, and nobody was left to read its answer.
                let arrivals = server.arrivals();
                let ours = arrivals.get(first_arrival..).unwrap_or_default();
                if let Some(last) = ours.last() {
                    let due = (last.at + last.delay).saturating_duration_since(started);
                    print_wrapped(
                        "     ",
                        &format!(
                            "The server received {} request{}. The answer to the last was due \
                             at {}, but at {} the deadline dropped the future, and the request \
                             in flight with it: cancelled, nothing left to read the answer.",
                            ours.len(),
                            if ours.len() == 1 { "" } else { "s" },
                            format_duration(due),
                            format_duration(elapsed)
                        ),
                    );
                }
            }
        }
    }
    Ok(())
}

/// Prints one demonstration of section 2: what was asked, which variant came back and how
/// soon, whether it is worth a retry, and the chain of causes.
fn report(what: &str, result: Result<Post, ApiError>, elapsed: Duration) {
    println!("\n   {what}");
    match result {
        Ok(post) => println!(
            "   => Ok: post {} after {} (a failure was expected)",
            post.id,
            format_duration(elapsed)
        ),
        Err(err) => {
            let retry = if err.is_transient() {
                "worth a retry later"
            } else {
                "final, a retry gets the same"
            };
            println!(
                "   => ApiError::{} after {}; {retry}",
                variant_name(&err),
                format_duration(elapsed)
            );
            print_causes(&err);
        }
    }
}

/// The error's own message, then each cause on a line of its own.
fn print_causes(err: &ApiError) {
    for (depth, message) in causes(err).iter().enumerate() {
        let prefix = if depth == 0 {
            "     "
        } else {
            "     caused by: "
        };
        print_wrapped(prefix, message);
    }
}

/// `err` as the run's error, with what to do about it. The shared report finds that in the
/// `reqwest::Error` behind an error, and `NotFound` and `Status` keep only the status: so the
/// hint for a status is attached here.
fn with_hint(err: ApiError) -> Error {
    let status = match &err {
        ApiError::NotFound { .. } => StatusCode::NOT_FOUND,
        ApiError::Status { status, .. } => *status,
        _ => return err.into(),
    };
    Hinted::new(err, status_hint(status)).into()
}

/// The variant's name, as a caller would `match` on it.
fn variant_name(err: &ApiError) -> &'static str {
    match err {
        ApiError::NotFound { .. } => "NotFound",
        ApiError::Status { .. } => "Status",
        ApiError::Timeout(_) => "Timeout",
        ApiError::Connect(_) => "Connect",
        ApiError::Decode(_) => "Decode",
        ApiError::Deadline(_) => "Deadline",
        ApiError::Other(_) => "Other",
    }
}

/// Runs `work` and measures how long it took.
async fn timed<T>(work: impl Future<Output = T>) -> (T, Duration) {
    let started = Instant::now();
    let output = work.await;
    (output, started.elapsed())
}

/// Prints `text` after `prefix`, broken at spaces to fit [`WIDTH`] columns; the lines after the
/// first are indented as far as the prefix. A word too long for a line stays whole.
fn print_wrapped(prefix: &str, text: &str) {
    let indent = " ".repeat(prefix.chars().count());
    let mut line = prefix.to_owned();
    let mut empty = true;
    for word in text.split_whitespace() {
        if !empty && line.chars().count() + 1 + word.chars().count() > WIDTH {
            println!("{line}");
            line = indent.clone();
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    println!("{line}");
}
