//! Lesson 09: testing HTTP code.
//!
//! ```text
//! cargo run -p lesson-09                # the client against the built-in mock, then the scenarios
//! cargo run -p lesson-09 -- --base-url https://jsonplaceholder.typicode.com
//! ```
//!
//! First the code under test, `TodoClient`, does its three calls against the API. Then the
//! same client meets a series of scripted servers, one wiremock `MockServer` each, and every
//! scenario prints what the client got and what the server saw: the raw material of a test.

use std::process::ExitCode;

use clap::Parser;
use lesson_09::{TodoClient, TodoError, scenarios};
use lesson_support::models::Todo;
use lesson_support::report::{Hinted, shorten, status_hint};
use lesson_support::{ApiArgs, Error, Latency, exit_code};
use reqwest::StatusCode;

/// Run the todo client against an API, then against scripted mock servers, and show what
/// each testing tool sees.
#[derive(Parser, Debug)]
struct Args {
    /// The todo to read against the API; its owner's first open todo is then completed.
    #[arg(long, value_name = "ID", default_value_t = 1, value_parser = clap::value_parser!(u64).range(1..))]
    id: u64,

    #[command(flatten)]
    api: ApiArgs,
}

#[tokio::main]
async fn main() -> ExitCode {
    // A closed pipe (`lesson-09 | head -1`) ends the run quietly, a full disk with one line,
    // instead of a panic in `println!` (see lesson 01).
    lesson_support::output::exit_on_write_error();
    exit_code(run(Args::parse()).await)
}

async fn run(args: Args) -> Result<(), Error> {
    // The code under test takes its server as an argument: here the API, below mock servers.
    let api = args.api.connect(Latency::None).await?;
    let todos = TodoClient::new(api.client.clone(), &api.base_url);
    println!("The client under test, against {}:", api.base_url);

    let todo = todos.get_todo(args.id).await.map_err(with_hint)?;
    println!("  get_todo({})       -> {}", args.id, describe(&todo));
    let theirs = todos
        .todos_for_user(todo.user_id)
        .await
        .map_err(with_hint)?;
    let done = theirs.iter().filter(|todo| todo.completed).count();
    println!(
        "  todos_for_user({}) -> {} todos, {done} done",
        todo.user_id,
        theirs.len()
    );
    // Complete one of theirs that is still open, so the PATCH visibly changes something.
    if let Some(open) = theirs.iter().find(|todo| !todo.completed) {
        let completed = todos.complete(open.id).await.map_err(with_hint)?;
        println!(
            "  complete({})       -> {}, was open",
            open.id,
            describe(&completed)
        );
        println!("  (JSONPlaceholder answers writes but stores none)");
    }

    println!("\nThe same client against scripted servers, a new MockServer for each:");
    show(
        "1. Matchers: a mock answers only the request it describes",
        scenarios::matchers_pick_the_request().await?,
    );
    show(
        "2. query_param: the filter in ?userId=3",
        scenarios::query_param_matches_the_filter().await?,
    );
    show(
        "3. A write, matched whole and counted with .expect(1)",
        scenarios::a_write_is_matched_and_counted().await?,
    );
    show(
        "4. An unmet .expect(1): what a failing test reports",
        scenarios::an_unmet_expectation_is_reported().await?,
    );
    show(
        "5. Failures on cue: an error status, a body that is not JSON",
        scenarios::failures_are_surfaced().await?,
    );
    show(
        "6. A script: 503 twice, then the todo (up_to_n_times + priority)",
        scenarios::fail_twice_then_succeed().await?,
    );
    show(
        "7. Latency: set_delay against the client's timeout",
        scenarios::a_slow_answer_times_out().await?,
    );
    show(
        "8. A dropped connection: respond_with_err",
        scenarios::a_dropped_connection_is_no_answer().await?,
    );
    show(
        "9. Concurrency, seen by the server: MockApi's arrivals()",
        scenarios::concurrency_seen_by_the_server().await?,
    );
    Ok(())
}

/// `err` as the run's error, with what to do about it. The shared report finds that in the
/// `reqwest::Error` behind an error, and `TodoError::Status` keeps only the status: so the
/// hint for a status is attached here.
fn with_hint(err: TodoError) -> Error {
    match err {
        TodoError::Status(StatusCode::NOT_FOUND) => Hinted::new(
            err,
            "no such todo: check --id (JSONPlaceholder has todos 1 to 200) and --base-url",
        )
        .into(),
        TodoError::Status(status) => Hinted::new(err, status_hint(status)).into(),
        other => other.into(),
    }
}

/// `#1 "delmora cennatur" (done)`.
fn describe(todo: &Todo) -> String {
    let state = if todo.completed { "done" } else { "not done" };
    format!("#{} {:?} ({state})", todo.id, shorten(&todo.title, 30))
}

/// A scenario's title and its lines, indented under it.
fn show(title: &str, lines: scenarios::Lines) {
    println!("\n{title}");
    for line in lines {
        println!("   {}", shorten(&line, 76));
    }
}
