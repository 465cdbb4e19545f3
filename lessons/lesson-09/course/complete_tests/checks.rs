//! The checks of exercise 10 (`complete_tests`): here the candidate is a *test*, and a test is
//! judged by what it catches.
//!
//! Each check runs one of your tests against one implementation of "complete a todo": the
//! correct ones (the lesson's `TodoClient::complete`, and `also_correct.rs`, written
//! differently), which your test must pass, or one of the broken ones in `broken/`, which your
//! test must fail. A test fails by returning `Err` or by panicking, as in `cargo test`; a panic
//! is caught (see the lesson's `outcome` module) and never crashes the check. Every
//! implementation is wrapped so the check also knows what `complete` returned inside your
//! test, which makes the messages precise: "your mock did not match", "you never called it",
//! "it got an error and your test passed anyway".

use std::sync::{Arc, Mutex, PoisonError};

use futures::future::BoxFuture;
use lesson_09::outcome::{Outcome, Panic, run_test};
use lesson_09::{CompleteTodo, TodoError, complete_with_todo_client};
use lesson_support::models::Todo;
use lesson_support::report::error_chain;
use lesson_support::testing::{Exercise, Verdict};

#[path = "also_correct.rs"]
mod also_correct;
#[path = "broken/ignores_status.rs"]
mod ignores_status;
#[path = "broken/invents_its_answer.rs"]
mod invents_its_answer;
#[path = "broken/no_content_type.rs"]
mod no_content_type;
#[path = "broken/sends_completed_false.rs"]
mod sends_completed_false;
#[path = "broken/sends_put.rs"]
mod sends_put;
#[path = "broken/sends_twice.rs"]
mod sends_twice;
#[path = "broken/wrong_path.rs"]
mod wrong_path;

pub const EXERCISE: Exercise = Exercise {
    number: 10,
    file: "lessons/lesson-09/src/exercises/complete_tests.rs",
};

/// The names of your two tests, as the messages call them.
const PATCH_TEST: &str = "complete_sends_one_patch";
const STATUS_TEST: &str = "complete_reports_a_server_error";

/// Runs every check in order and stops at the first failure.
pub async fn all<P, S>(patch_test: P, status_test: S) -> Verdict
where
    P: AsyncFn(&CompleteTodo) -> Result<(), String>,
    S: AsyncFn(&CompleteTodo) -> Result<(), String>,
{
    patch_test_passes_the_correct_client(&patch_test).await?;
    patch_test_passes_a_correct_client_written_differently(&patch_test).await?;
    patch_test_fails_a_client_that_sends_put(&patch_test).await?;
    patch_test_fails_a_client_that_uses_the_wrong_path(&patch_test).await?;
    patch_test_fails_a_client_that_sends_completed_false(&patch_test).await?;
    patch_test_fails_a_client_that_sends_no_content_type(&patch_test).await?;
    patch_test_fails_a_client_that_sends_twice(&patch_test).await?;
    patch_test_fails_a_client_that_invents_its_answer(&patch_test).await?;
    status_test_passes_the_correct_client(&status_test).await?;
    status_test_fails_a_client_that_ignores_the_status(&status_test).await
}

/// `complete_sends_one_patch` passes the lesson's `TodoClient::complete`.
pub async fn patch_test_passes_the_correct_client<F>(test: &F) -> Verdict
where
    F: AsyncFn(&CompleteTodo) -> Result<(), String>,
{
    let subject = Subject::new(complete_with_todo_client());
    passes(
        test,
        PATCH_TEST,
        &subject,
        "the lesson's `TodoClient::complete`",
        "",
    )
    .await
}

/// `complete_sends_one_patch` passes a correct implementation that spaces its JSON
/// differently and sends an extra header.
pub async fn patch_test_passes_a_correct_client_written_differently<F>(test: &F) -> Verdict
where
    F: AsyncFn(&CompleteTodo) -> Result<(), String>,
{
    let subject = Subject::new(Box::new(|base_url, id| {
        Box::pin(also_correct::complete(base_url, id))
    }));
    passes(
        test,
        PATCH_TEST,
        &subject,
        "a client that sends the body `{ \"completed\" : true }` (the same JSON, other spaces) \
         and an `Accept` header",
        "A test should pin down what the contract says, not the bytes one version sends: \
         compare JSON as JSON (`body_json`), not as text (`body_string`)",
    )
    .await
}

/// `complete_sends_one_patch` fails a client that sends PUT.
pub async fn patch_test_fails_a_client_that_sends_put<F>(test: &F) -> Verdict
where
    F: AsyncFn(&CompleteTodo) -> Result<(), String>,
{
    let subject = Subject::new(Box::new(|base_url, id| {
        Box::pin(sends_put::complete(base_url, id))
    }));
    fails(
        test,
        PATCH_TEST,
        &subject,
        "sends PUT instead of PATCH",
        "match on the method: `method(\"PATCH\")`",
    )
    .await
}

/// `complete_sends_one_patch` fails a client that sends to `/todo/{id}`.
pub async fn patch_test_fails_a_client_that_uses_the_wrong_path<F>(test: &F) -> Verdict
where
    F: AsyncFn(&CompleteTodo) -> Result<(), String>,
{
    let subject = Subject::new(Box::new(|base_url, id| {
        Box::pin(wrong_path::complete(base_url, id))
    }));
    fails(
        test,
        PATCH_TEST,
        &subject,
        "sends to `/todo/{id}` instead of `/todos/{id}`",
        "match on the path: `path(\"/todos/17\")`, with the id you pass to `complete`",
    )
    .await
}

/// `complete_sends_one_patch` fails a client that sends `{"completed": false}`.
pub async fn patch_test_fails_a_client_that_sends_completed_false<F>(test: &F) -> Verdict
where
    F: AsyncFn(&CompleteTodo) -> Result<(), String>,
{
    let subject = Subject::new(Box::new(|base_url, id| {
        Box::pin(sends_completed_false::complete(base_url, id))
    }));
    fails(
        test,
        PATCH_TEST,
        &subject,
        "sends `{\"completed\": false}`",
        "match on the body: `body_json(json!({ \"completed\": true }))`",
    )
    .await
}

/// `complete_sends_one_patch` fails a client whose JSON body has no `Content-Type`.
pub async fn patch_test_fails_a_client_that_sends_no_content_type<F>(test: &F) -> Verdict
where
    F: AsyncFn(&CompleteTodo) -> Result<(), String>,
{
    let subject = Subject::new(Box::new(|base_url, id| {
        Box::pin(no_content_type::complete(base_url, id))
    }));
    fails(
        test,
        PATCH_TEST,
        &subject,
        "sends its JSON without `Content-Type: application/json` (a real JSON server would \
         ignore such a body)",
        "match on the header: `header(\"content-type\", \"application/json\")`",
    )
    .await
}

/// `complete_sends_one_patch` fails a client that sends the PATCH twice.
pub async fn patch_test_fails_a_client_that_sends_twice<F>(test: &F) -> Verdict
where
    F: AsyncFn(&CompleteTodo) -> Result<(), String>,
{
    let subject = Subject::new(Box::new(|base_url, id| {
        Box::pin(sends_twice::complete(base_url, id))
    }));
    fails(
        test,
        PATCH_TEST,
        &subject,
        "sends the same PATCH twice",
        "count the requests: `.expect(1)` on the mock, or the length of \
         `server.received_requests().await`",
    )
    .await
}

/// `complete_sends_one_patch` fails a client that sends the right request but returns a todo
/// of its own making instead of the server's answer.
pub async fn patch_test_fails_a_client_that_invents_its_answer<F>(test: &F) -> Verdict
where
    F: AsyncFn(&CompleteTodo) -> Result<(), String>,
{
    let subject = Subject::new(Box::new(|base_url, id| {
        Box::pin(invents_its_answer::complete(base_url, id))
    }));
    fails(
        test,
        PATCH_TEST,
        &subject,
        "sends the right PATCH but returns a todo it made up instead of the server's answer",
        "compare what `complete` returns with the todo your server answered: \
         `assert_eq!(todo, answered)`, or `Ok(todo) if todo == answered`",
    )
    .await
}

/// `complete_reports_a_server_error` passes the lesson's `TodoClient::complete`.
pub async fn status_test_passes_the_correct_client<F>(test: &F) -> Verdict
where
    F: AsyncFn(&CompleteTodo) -> Result<(), String>,
{
    let subject = Subject::new(complete_with_todo_client());
    passes(
        test,
        STATUS_TEST,
        &subject,
        "the lesson's `TodoClient::complete`",
        "",
    )
    .await
}

/// `complete_reports_a_server_error` fails a client that decodes the body whatever the status.
pub async fn status_test_fails_a_client_that_ignores_the_status<F>(test: &F) -> Verdict
where
    F: AsyncFn(&CompleteTodo) -> Result<(), String>,
{
    let subject = Subject::new(Box::new(|base_url, id| {
        Box::pin(ignores_status::complete(base_url, id))
    }));
    let outcome = run_test(test(subject.complete.as_ref())).await;
    if let Some(stub) = still_the_stub(&outcome) {
        return Err(stub);
    }
    if !outcome.passed() {
        return Ok(());
    }
    let calls = subject.calls();
    let flaw = format!(
        "your test `{STATUS_TEST}` passed a client that never looks at the status and decodes \
         whatever body comes back"
    );
    Err(EXERCISE.fail(&match calls.first() {
        None => format!("{flaw}. {}", never_called()),
        Some(Ok(())) => format!(
            "{flaw}: `complete` returned `Ok` and your test accepted it. Make your server \
             answer 500 (`ResponseTemplate::new(500)`), and check that the result is \
             `Err(TodoError::Status(500))`"
        ),
        Some(Err(error)) => format!(
            "{flaw}: it returned `{error}` only because the body of your 500 is not a todo, and \
             your test accepted any error. Give the 500 a todo as its body (`set_body_json`), \
             so that only a status check turns it into an error, and check for \
             `TodoError::Status(500)` itself (`matches!`, or a `match` with a guard)"
        ),
    }))
}

/// An implementation of "complete a todo", with a log of what each call returned.
struct Subject {
    complete: Box<CompleteTodo>,
    /// One entry per call: `Ok(())`, or the error as text.
    calls: Arc<Mutex<Vec<Result<(), String>>>>,
}

impl Subject {
    fn new(implementation: Box<CompleteTodo>) -> Subject {
        let calls = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&calls);
        Subject {
            complete: Box::new(move |base_url, id| {
                logged(implementation(base_url, id), Arc::clone(&log))
            }),
            calls,
        }
    }

    fn calls(&self) -> Vec<Result<(), String>> {
        self.calls
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

/// `call`, noting its result in `log` when it finishes.
fn logged<'a>(
    call: BoxFuture<'a, Result<Todo, TodoError>>,
    log: Arc<Mutex<Vec<Result<(), String>>>>,
) -> BoxFuture<'a, Result<Todo, TodoError>> {
    Box::pin(async move {
        let result = call.await;
        let entry = match &result {
            Ok(_) => Ok(()),
            Err(TodoError::Status(status)) => Err(format!("Err(TodoError::Status({status}))")),
            Err(err @ TodoError::Transport(_)) => Err(format!(
                "Err(TodoError::Transport(..)): {}",
                error_chain(err)
            )),
            Err(err @ TodoError::Decode(_)) => {
                Err(format!("Err(TodoError::Decode(..)): {}", error_chain(err)))
            }
        };
        log.lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(entry);
        result
    })
}

/// The check for a correct implementation: the test must pass it. `advice` (or nothing) ends
/// the message when it does not.
async fn passes<F>(test: &F, name: &str, subject: &Subject, who: &str, advice: &str) -> Verdict
where
    F: AsyncFn(&CompleteTodo) -> Result<(), String>,
{
    let outcome = run_test(test(subject.complete.as_ref())).await;
    if let Some(stub) = still_the_stub(&outcome) {
        return Err(stub);
    }
    let how = match outcome {
        Outcome::Passed => return Ok(()),
        Outcome::Failed(message) => format!("returned Err({message:?})"),
        // wiremock's own panic, from the `.expect(n)` check it runs when a server is dropped:
        // where in wiremock it happened says nothing to you; its report does.
        Outcome::Panicked(Panic { message, .. }) if message.starts_with("Verifications failed") => {
            format!(
                "panicked when your MockServer was dropped: an `.expect(..)` was not met. \
                 wiremock's report:\n{}",
                indent(&message)
            )
        }
        Outcome::Panicked(Panic { message, location }) => {
            format!("panicked at {location}:\n{}", indent(&message))
        }
    };
    let calls = subject.calls();
    let why = if !advice.is_empty() {
        format!("\n  {advice}")
    } else if calls.is_empty() {
        format!("\n  {}", never_called())
    } else if calls
        .iter()
        .any(|call| matches!(call, Err(e) if e.contains("404")))
    {
        "\n  `complete` got a 404 from your server: wiremock's answer when no mock matches. One \
         of your matchers does not fit a correct request: check the method, the path (with \
         the id you pass to `complete`), the header and the body"
            .to_owned()
    } else {
        String::new()
    };
    Err(EXERCISE.fail(&format!(
        "your test `{name}` failed against {who}, which is correct. It {how}{why}"
    )))
}

/// The check for a broken implementation: the test must fail it.
async fn fails<F>(test: &F, name: &str, subject: &Subject, flaw: &str, nudge: &str) -> Verdict
where
    F: AsyncFn(&CompleteTodo) -> Result<(), String>,
{
    let outcome = run_test(test(subject.complete.as_ref())).await;
    if let Some(stub) = still_the_stub(&outcome) {
        return Err(stub);
    }
    if !outcome.passed() {
        return Ok(());
    }
    let calls = subject.calls();
    let flaw = format!("your test `{name}` passed a client that {flaw}");
    let first_error = calls.iter().find_map(|call| call.as_ref().err());
    Err(EXERCISE.fail(&match first_error {
        _ if calls.is_empty() => format!("{flaw}. {}", never_called()),
        Some(error) => format!(
            "{flaw}. Your server did not answer it with a todo (`complete` returned \
             `{error}`), yet your test passed: check what `complete` returns, `Ok` with the \
             todo your server sent"
        ),
        None => format!("{flaw}: {nudge}"),
    }))
}

/// The message for the untouched stub, whose `todo!()` panics.
fn still_the_stub(outcome: &Outcome) -> Option<String> {
    match outcome {
        Outcome::Panicked(panic) if panic.message.contains("not yet implemented") => Some(
            EXERCISE
                .fail("this exercise is still the stub: replace the `todo!()`s with your tests"),
        ),
        _ => None,
    }
}

fn never_called() -> String {
    "Your test never called `complete`: call it, `complete(&server.uri(), 17).await`, and look \
     at what it returns and what your server received"
        .to_owned()
}

/// Each line of `text`, indented to sit under the message's first line; a long text (a
/// wiremock report lists every header of every request) is cut after [`SHOWN_LINES`].
fn indent(text: &str) -> String {
    let lines: Vec<&str> = text
        .lines()
        .filter(|line| !line.trim().is_empty())
        .collect();
    let mut shown: Vec<String> = lines
        .iter()
        .take(SHOWN_LINES)
        .map(|line| format!("    {}", line.replace('\t', "  ")))
        .collect();
    if lines.len() > SHOWN_LINES {
        shown.push(format!("    … ({} more lines)", lines.len() - SHOWN_LINES));
    }
    shown.join("\n")
}

/// How many lines of a panic's message a check shows.
const SHOWN_LINES: usize = 16;
