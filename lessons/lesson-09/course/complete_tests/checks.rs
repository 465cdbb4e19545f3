//! The checks of exercise 14 (`complete_tests`): here the candidate is a *test*, and a test is
//! judged by what it catches.
//!
//! Each check runs one of your two tests against one implementation of "complete a todo": a
//! correct one (the lesson's `TodoClient::complete`, or one in `correct/`, written
//! differently), which your test must pass, or a broken one in `broken/`, which your test must
//! fail. A test fails by returning `Err` or by panicking, as in `cargo test`; a panic is caught
//! (see the lesson's `outcome` module) and never crashes the check. Every implementation is
//! wrapped so that the check also knows how your test called it and what it returned, which
//! makes the messages precise: "your mock did not match", "you never called it", "it got an
//! error and your test passed anyway".
//!
//! The reference solution (`solution.rs`) passes every check: with `--features solutions`,
//! `tests/exercises.rs` runs these checks on it, so each broken client below is proven to be
//! caught by a sound test, and each correct one to pass it.
//!
//! # Rule table
//!
//! | Clause of the contract (stub.rs) | Check(s) | What makes a near-miss fail |
//! |---|---|---|
//! | patch test passes a correct client | `patch_test_passes_the_lessons_client` | the lesson's own `TodoClient::complete` |
//! | … however it writes its JSON, other headers (or none), URL building, however long it takes | `patch_test_passes_correct_clients_written_differently` | `correct/`: no `User-Agent` at all (fails a mock that requires one); 1.5 s before it sends (fails a `timeout` of 1 s around `complete`); 9.5 s after the server's answer, on tokio's paused clock paused only then (no real time; fails a `timeout` of 5 s, and any under 9.5 s, and a test that sleeps a second after `complete` returns, while a request on the paused clock would have made the clock jump to any timeout of the test's, however long); `{ "completed" : true }` + `Accept`; `Url::join` on a relative path + `execute`; pretty-printed JSON on three lines. Fails `body_string`, exact header sets |
//! | `PATCH`, not another method | `…_sends_put`, `…_sends_post`, `…_sends_a_lowercase_method` | `broken/sends_put.rs`, `broken/sends_post.rs`: fail a mock without `method`; `broken/sends_lowercase_patch.rs` (`patch`: methods are case-sensitive): fails a comparison with `eq_ignore_ascii_case` |
//! | `{base URL}/todos/{id}` | `…_uses_the_wrong_path`, `…_ignores_the_id` | `/todo/{id}`; always `/todos/1`: fail a test that asks for todo 1 |
//! | the base URL's path kept | `…_drops_the_base_path` | `Url::join("/todos/{id}")`: same as a correct client on a bare `server.uri()`, so it fails a test that gives no path |
//! | body `{"completed": true}` | `…_sends_completed_false`, `…_sends_completed_as_text` | `false`; `"true"` (a string): fail `body_string_contains("true")` |
//! | … and no other field | `…_sends_a_whole_todo`, `…_sends_a_null_title` | a whole `Todo`: fails `body_partial_json`; `{"completed": true, "title": null}`: fails a matcher that skips null fields |
//! | … as JSON, not a form | `…_sends_a_form` | `completed=true`, form content type |
//! | `Content-Type: application/json` | `…_sends_no_content_type`, `…_sends_the_wrong_content_type`, `…_sends_two_content_types`, `…_sends_the_json_content_type_twice` (last), seed 1015 | none; `text/plain` with the right JSON text: fails `header_exists`; `application/json-patch+json`: fails a prefix match |
//! | exactly one request of any kind | `…_sends_twice`, `…_reads_before_patching` | the PATCH twice; a GET then the PATCH: fails an `.expect(1)` on the PATCH mock alone |
//! | returns `Ok` with the server's todo | `…_invents_its_answer`, `…_fails_after_the_patch` | a made-up todo (`userId` 0, empty title): fails `is_ok()`, `id`/`completed` only; the right PATCH, then a `Decode` error: fails a test that compares the todo only when the result is `Ok` |
//! | … every field of it | `…_loses_the_user_id`, `…_loses_completed` | `userId` read as `user_id`, so 0: fails a comparison that skips `userId`; `completed` read as `complete`, so `false`: fails a test whose server answers an open todo |
//! | status test passes correct clients | `status_test_passes_the_correct_clients` | the lesson's client and all of `correct/` |
//! | `Err(TodoError::Status(500))`, not `Ok` | `status_test_fails_a_client_that_ignores_the_status` | decodes any body: `Ok` on a 500 whose body is a todo, `Decode` on an empty one |
//! | … not `Transport` | `…_reports_the_status_as_a_transport_error` | `error_for_status` filed as `Transport`: fails `is_err()` whatever the body |
//! | … not another status | `…_reports_every_failure_as_404` | `Status(404)` for a 500: fails `Status(_)` |
//! | every clause above, on clients the checks did not name | `patch_test_agrees_with_the_reference_on_seeded_clients` | `seeded.rs`: 16 clients, seeds 1000-1015, one flaw or none each (DELETE, GET, trailing `/`, the next id, the id in the query, `{"completed": 1}`, `{}`, an extra `id` field, no body, `text/json`, a GET after the PATCH, an emptied title, `application/json-patch+json`), JSON spacing, an extra header and `Url::join` drawn from the seed; your test must pass exactly those the reference test passes. Fails `path_regex`, `contains("json")`, `contains("todos/17")` |
//! | the 500 clauses, likewise | `status_test_agrees_with_the_reference_on_seeded_clients` | seeds 2000-2006: correct, 502, 400, decodes anyway, `Transport`, decodes first and reads the status only when that fails. Fails `is_server_error()`; an empty 500 (passes the last) |
//! | a test finishes within 10 s | every check ([`TEST_TIME_LIMIT`]); `…_sends_nothing` | a test that waits forever is stopped, and told so; a client that sends no request at all (a test that polls `received_requests()` until the PATCH arrives waits for ever) |
//! | the untouched stub is rejected | every check | `todo!()` reads "still the stub" |
//!
//! Not judged, by the contract: a query string after `{base URL}/todos/{id}`. No broken client
//! adds one, and no correct one does, so a test that judges the URL by wiremock's `path` alone
//! (which does not see the query: red team round 48's `path_matcher_ignores_query`) and one
//! that also wants the received request's `url.query()` to be `None` are both right.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use futures::future::BoxFuture;
use lesson_09::outcome::{Outcome, Panic, catch_panic, run_test};
use lesson_09::{CompleteTodo, TodoError, complete_with_todo_client};
use lesson_support::models::Todo;
use lesson_support::report::error_chain;
use lesson_support::testing::{Exercise, Verdict};

#[path = "broken/decodes_a_list.rs"]
mod decodes_a_list;
#[path = "broken/drops_the_base_path.rs"]
mod drops_the_base_path;
#[path = "broken/ignores_status.rs"]
mod ignores_status;
#[path = "broken/ignores_the_id.rs"]
mod ignores_the_id;
#[path = "broken/invents_its_answer.rs"]
mod invents_its_answer;
#[path = "correct/joins_a_relative_path.rs"]
mod joins_a_relative_path;
#[path = "broken/json_content_type_twice.rs"]
mod json_content_type_twice;
#[path = "broken/loses_completed.rs"]
mod loses_completed;
#[path = "broken/loses_the_user_id.rs"]
mod loses_the_user_id;
#[path = "broken/no_content_type.rs"]
mod no_content_type;
#[path = "correct/pretty_json_by_hand.rs"]
mod pretty_json_by_hand;
#[path = "broken/reads_before_patching.rs"]
mod reads_before_patching;
#[path = "broken/reports_every_failure_as_404.rs"]
mod reports_every_failure_as_404;
#[path = "broken/sends_a_form.rs"]
mod sends_a_form;
#[path = "broken/sends_a_null_title.rs"]
mod sends_a_null_title;
#[path = "broken/sends_a_whole_todo.rs"]
mod sends_a_whole_todo;
#[path = "broken/sends_completed_as_text.rs"]
mod sends_completed_as_text;
#[path = "broken/sends_completed_false.rs"]
mod sends_completed_false;
#[path = "broken/sends_lowercase_patch.rs"]
mod sends_lowercase_patch;
#[path = "correct/sends_no_user_agent.rs"]
mod sends_no_user_agent;
#[path = "broken/sends_nothing.rs"]
mod sends_nothing;
#[path = "broken/sends_post.rs"]
mod sends_post;
#[path = "broken/sends_put.rs"]
mod sends_put;
#[path = "broken/sends_twice.rs"]
mod sends_twice;
#[path = "correct/spaced_json_and_accept.rs"]
mod spaced_json_and_accept;
#[path = "broken/status_as_transport_error.rs"]
mod status_as_transport_error;
#[path = "correct/takes_its_time.rs"]
mod takes_its_time;
#[path = "correct/takes_most_of_the_ten_seconds.rs"]
mod takes_most_of_the_ten_seconds;
#[path = "broken/two_content_types.rs"]
mod two_content_types;
#[path = "broken/wrong_content_type.rs"]
mod wrong_content_type;
#[path = "broken/wrong_path.rs"]
mod wrong_path;

/// The reference solution: the differential checks ask your tests to agree with its.
#[path = "solution.rs"]
mod reference;
#[path = "seeded.rs"]
mod seeded;

use seeded::Seeded;

pub const EXERCISE: Exercise = Exercise {
    number: 14,
    file: "lessons/lesson-09/src/exercises/complete_tests.rs",
};

/// Which of your two tests a check runs. The checks take your two functions as one candidate:
/// `your_tests(YourTest::SendsOnePatch, complete)` runs `complete_sends_one_patch(complete)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YourTest {
    /// `complete_sends_one_patch`.
    SendsOnePatch,
    /// `complete_reports_a_server_error`.
    ReportsAServerError,
}

impl YourTest {
    /// The test's name, as the messages call it.
    fn name(self) -> &'static str {
        match self {
            YourTest::SendsOnePatch => "complete_sends_one_patch",
            YourTest::ReportsAServerError => "complete_reports_a_server_error",
        }
    }
}

lesson_support::exercise_checks! {
    candidate: AsyncFn(YourTest, &CompleteTodo) -> Result<(), String>;
    patch_test_passes_the_lessons_client,
    patch_test_passes_correct_clients_written_differently,
    patch_test_fails_a_client_that_sends_put,
    patch_test_fails_a_client_that_sends_post,
    patch_test_fails_a_client_that_sends_a_lowercase_method,
    patch_test_fails_a_client_that_uses_the_wrong_path,
    patch_test_fails_a_client_that_ignores_the_id,
    patch_test_fails_a_client_that_drops_the_base_path,
    patch_test_fails_a_client_that_sends_completed_false,
    patch_test_fails_a_client_that_sends_completed_as_text,
    patch_test_fails_a_client_that_sends_a_whole_todo,
    patch_test_fails_a_client_that_sends_a_null_title,
    patch_test_fails_a_client_that_sends_a_form,
    patch_test_fails_a_client_that_sends_no_content_type,
    patch_test_fails_a_client_that_sends_the_wrong_content_type,
    patch_test_fails_a_client_that_sends_two_content_types,
    patch_test_fails_a_client_that_sends_twice,
    patch_test_fails_a_client_that_reads_before_patching,
    patch_test_fails_a_client_that_invents_its_answer,
    patch_test_fails_a_client_that_fails_after_the_patch,
    patch_test_fails_a_client_that_sends_nothing,
    patch_test_fails_a_client_that_loses_the_user_id,
    patch_test_fails_a_client_that_loses_completed,
    patch_test_agrees_with_the_reference_on_seeded_clients,
    status_test_passes_the_correct_clients,
    status_test_fails_a_client_that_ignores_the_status,
    status_test_fails_a_client_that_reports_the_status_as_a_transport_error,
    status_test_fails_a_client_that_reports_every_failure_as_404,
    status_test_agrees_with_the_reference_on_seeded_clients,
    // Last: only tests right about everything above reach it.
    patch_test_fails_a_client_that_sends_the_json_content_type_twice,
}

/// Your two tests as the one candidate the checks take (`tests/course.rs` builds one per kept
/// answer with it).
#[allow(dead_code)]
pub fn both<P, S>(
    patch_test: P,
    status_test: S,
) -> impl AsyncFn(YourTest, &CompleteTodo) -> Result<(), String>
where
    P: AsyncFn(&CompleteTodo) -> Result<(), String>,
    S: AsyncFn(&CompleteTodo) -> Result<(), String>,
{
    async move |test: YourTest, complete: &CompleteTodo| match test {
        YourTest::SendsOnePatch => patch_test(complete).await,
        YourTest::ReportsAServerError => status_test(complete).await,
    }
}

/// The client of every implementation in `broken/`, `correct/` and `seeded.rs`: the course's
/// settings (`lesson_support::client::client`) without the TLS root certificates. They only
/// ever speak plain HTTP to 127.0.0.1, and the checks build hundreds of them: loading the roots
/// each time would be most of the checks' time.
fn course_client(base_url: &str) -> Result<reqwest::Client, reqwest::Error> {
    lesson_support::client::client_builder(base_url)
        .tls_certs_only([])
        .build()
}

/// How long one run of one of your tests may take. A sound test takes milliseconds; a test
/// that waits on something that never comes is stopped, so the checks still finish.
const TEST_TIME_LIMIT: Duration = Duration::from_secs(10);

/// The base URL path the messages suggest.
const SUGGESTED_BASE: &str = "format!(\"{}/api/v1\", server.uri())";

/// An implementation of "complete a todo" from a module with `async fn complete(base_url, id)`.
macro_rules! client {
    ($module:ident) => {{
        fn complete(base_url: &str, id: u64) -> BoxFuture<'_, Result<Todo, TodoError>> {
            Box::pin($module::complete(base_url, id))
        }
        Box::new(complete) as Box<CompleteTodo>
    }};
}

/// The correct implementations written otherwise than the lesson's, each with what sets it
/// apart (every difference one the contract allows).
fn correct_variants() -> Vec<(&'static str, Box<CompleteTodo>)> {
    vec![
        (
            "a client that sends the body `{ \"completed\" : true }` (the same JSON, other \
             spaces) and an `Accept` header",
            client!(spaced_json_and_accept),
        ),
        (
            "a client that builds its URL with `Url::join` on a relative path, its body from a \
             struct, and sends with `client.execute`",
            client!(joins_a_relative_path),
        ),
        (
            "a client that sends pretty-printed JSON (`{\\n  \"completed\": true\\n}`, the same \
             JSON on three lines), with the header set by hand",
            client!(pretty_json_by_hand),
        ),
        (
            "a client built with reqwest's `Client::builder()` alone, which sends no \
             `User-Agent` header (the contract names none)",
            client!(sends_no_user_agent),
        ),
        (
            "a client that takes 1.5 s before it sends (the contract gives a test 10 s)",
            client!(takes_its_time),
        ),
        (
            "a client that returns 9.5 s after the server's answer (on tokio's paused clock, so \
             no real time; the contract gives a test 10 s)",
            client!(takes_most_of_the_ten_seconds),
        ),
    ]
}

/// `complete_sends_one_patch` passes the lesson's `TodoClient::complete`.
pub async fn patch_test_passes_the_lessons_client<F>(test: &F) -> Verdict
where
    F: AsyncFn(YourTest, &CompleteTodo) -> Result<(), String>,
{
    let subject = Subject::new(complete_with_todo_client());
    passes(
        test,
        YourTest::SendsOnePatch,
        &subject,
        "the lesson's `TodoClient::complete`",
        "",
    )
    .await
}

/// `complete_sends_one_patch` passes correct clients that differ from the lesson's in ways the
/// contract allows: JSON spacing and line breaks, extra headers, how the URL is built.
pub async fn patch_test_passes_correct_clients_written_differently<F>(test: &F) -> Verdict
where
    F: AsyncFn(YourTest, &CompleteTodo) -> Result<(), String>,
{
    for (who, implementation) in correct_variants() {
        let subject = Subject::new(implementation);
        passes(
            test,
            YourTest::SendsOnePatch,
            &subject,
            who,
            "It differs from the lesson's client only in ways the contract allows. A test \
             should pin down what the contract says, not the bytes one version sends: compare \
             JSON as JSON (`body_json`), not as text (`body_string`), and check the headers \
             the contract names, one by one",
        )
        .await?;
    }
    Ok(())
}

/// `complete_sends_one_patch` fails a client that sends PUT.
pub async fn patch_test_fails_a_client_that_sends_put<F>(test: &F) -> Verdict
where
    F: AsyncFn(YourTest, &CompleteTodo) -> Result<(), String>,
{
    fails(
        test,
        client!(sends_put),
        "sends PUT instead of PATCH",
        |_| "match on the method: `method(\"PATCH\")`".to_owned(),
    )
    .await
}

/// `complete_sends_one_patch` fails a client that sends the method in lower case, `patch`.
pub async fn patch_test_fails_a_client_that_sends_a_lowercase_method<F>(test: &F) -> Verdict
where
    F: AsyncFn(YourTest, &CompleteTodo) -> Result<(), String>,
{
    fails(
        test,
        client!(sends_lowercase_patch),
        "sends the method `patch`, in lower case, instead of PATCH (methods are \
         case-sensitive: `patch` is another method)",
        |_| {
            "match on the method exactly: `method(\"PATCH\")`, not a comparison that \
             ignores case"
                .to_owned()
        },
    )
    .await
}

/// `complete_sends_one_patch` fails a client that sends POST.
pub async fn patch_test_fails_a_client_that_sends_post<F>(test: &F) -> Verdict
where
    F: AsyncFn(YourTest, &CompleteTodo) -> Result<(), String>,
{
    fails(
        test,
        client!(sends_post),
        "sends POST instead of PATCH",
        |_| "match on the method: `method(\"PATCH\")`".to_owned(),
    )
    .await
}

/// `complete_sends_one_patch` fails a client that sends to `/todo/{id}`.
pub async fn patch_test_fails_a_client_that_uses_the_wrong_path<F>(test: &F) -> Verdict
where
    F: AsyncFn(YourTest, &CompleteTodo) -> Result<(), String>,
{
    fails(
        test,
        client!(wrong_path),
        "sends to `{base URL}/todo/{id}` instead of `{base URL}/todos/{id}`",
        |_| {
            "match on the path: `path(\"/api/v1/todos/17\")`, with your base URL's path and \
             the id you pass to `complete`"
                .to_owned()
        },
    )
    .await
}

/// `complete_sends_one_patch` fails a client that always completes todo 1.
pub async fn patch_test_fails_a_client_that_ignores_the_id<F>(test: &F) -> Verdict
where
    F: AsyncFn(YourTest, &CompleteTodo) -> Result<(), String>,
{
    fails(
        test,
        client!(ignores_the_id),
        "ignores the id and always sends `PATCH {base URL}/todos/1`",
        |calls| {
            let ids: Vec<u64> = calls.iter().map(|call| call.id).collect();
            format!(
                "your test called `complete` with the id {}, the one id this client gets \
                 right by accident. Ask for another todo (17, say), and match its path",
                join(&ids)
            )
        },
    )
    .await
}

/// `complete_sends_one_patch` fails a client that drops the base URL's path.
pub async fn patch_test_fails_a_client_that_drops_the_base_path<F>(test: &F) -> Verdict
where
    F: AsyncFn(YourTest, &CompleteTodo) -> Result<(), String>,
{
    fails(
        test,
        client!(drops_the_base_path),
        "drops the base URL's path (`Url::join(\"/todos/{id}\")`: given \
         `http://host/api/v1`, it sends to `http://host/todos/{id}`)",
        |calls| {
            let bases: Vec<&str> = calls.iter().map(|call| call.base_url.as_str()).collect();
            let pathless = bases.iter().all(|base| path_of(base).is_empty());
            if pathless {
                format!(
                    "your test called `complete` with {}, a base URL without a path, where \
                     this client sends the same request as a correct one. Give it a base URL \
                     with a path, `{SUGGESTED_BASE}`, and match the full path, \
                     `path(\"/api/v1/todos/17\")`",
                    join(&bases)
                )
            } else {
                format!(
                    "your test called `complete` with {}, and the request went outside it: \
                     match the full path, base path included (`path(\"/api/v1/todos/17\")`)",
                    join(&bases)
                )
            }
        },
    )
    .await
}

/// `complete_sends_one_patch` fails a client that sends `{"completed": false}`.
pub async fn patch_test_fails_a_client_that_sends_completed_false<F>(test: &F) -> Verdict
where
    F: AsyncFn(YourTest, &CompleteTodo) -> Result<(), String>,
{
    fails(
        test,
        client!(sends_completed_false),
        "sends `{\"completed\": false}`",
        |_| "match on the body: `body_json(json!({ \"completed\": true }))`".to_owned(),
    )
    .await
}

/// `complete_sends_one_patch` fails a client that sends `{"completed": "true"}`.
pub async fn patch_test_fails_a_client_that_sends_completed_as_text<F>(test: &F) -> Verdict
where
    F: AsyncFn(YourTest, &CompleteTodo) -> Result<(), String>,
{
    fails(
        test,
        client!(sends_completed_as_text),
        "sends `{\"completed\": \"true\"}`, a string where the contract says the JSON boolean",
        |_| {
            "compare the body as JSON: `body_json(json!({ \"completed\": true }))`. `\"true\"` \
             is a string, yet a search of the text for `true` finds it"
                .to_owned()
        },
    )
    .await
}

/// `complete_sends_one_patch` fails a client that sends a whole todo.
pub async fn patch_test_fails_a_client_that_sends_a_whole_todo<F>(test: &F) -> Verdict
where
    F: AsyncFn(YourTest, &CompleteTodo) -> Result<(), String>,
{
    fails(
        test,
        client!(sends_a_whole_todo),
        "sends a whole todo, `{\"userId\": 0, \"id\": 17, \"title\": \"\", \"completed\": \
         true}`, which would blank the title and the owner",
        |_| {
            "match the whole body, `body_json(json!({ \"completed\": true }))`, not only its \
             `completed` field: `body_partial_json`, or a look at one field, lets other fields \
             through"
                .to_owned()
        },
    )
    .await
}

/// `complete_sends_one_patch` fails a client that sends `"title": null` beside `completed`.
pub async fn patch_test_fails_a_client_that_sends_a_null_title<F>(test: &F) -> Verdict
where
    F: AsyncFn(YourTest, &CompleteTodo) -> Result<(), String>,
{
    fails(
        test,
        client!(sends_a_null_title),
        "sends `{\"completed\": true, \"title\": null}`, which would set the title to null",
        |_| {
            "match the whole body, `body_json(json!({ \"completed\": true }))`: a field sent \
             as `null` is a field sent, and a matcher that skips nulls (or looks at one field) \
             lets it through"
                .to_owned()
        },
    )
    .await
}

/// `complete_sends_one_patch` fails a client that sends a form.
pub async fn patch_test_fails_a_client_that_sends_a_form<F>(test: &F) -> Verdict
where
    F: AsyncFn(YourTest, &CompleteTodo) -> Result<(), String>,
{
    fails(
        test,
        client!(sends_a_form),
        "sends a form, `completed=true` as `application/x-www-form-urlencoded`, instead of JSON",
        |_| {
            "match the body as JSON, `body_json(json!({ \"completed\": true }))`, and the \
             header, `header(\"content-type\", \"application/json\")`"
                .to_owned()
        },
    )
    .await
}

/// `complete_sends_one_patch` fails a client whose JSON body has no `Content-Type`.
pub async fn patch_test_fails_a_client_that_sends_no_content_type<F>(test: &F) -> Verdict
where
    F: AsyncFn(YourTest, &CompleteTodo) -> Result<(), String>,
{
    fails(
        test,
        client!(no_content_type),
        "sends its JSON without `Content-Type: application/json` (a real JSON server would \
         ignore such a body)",
        |_| "match on the header: `header(\"content-type\", \"application/json\")`".to_owned(),
    )
    .await
}

/// `complete_sends_one_patch` fails a client that labels its JSON `text/plain`.
pub async fn patch_test_fails_a_client_that_sends_the_wrong_content_type<F>(test: &F) -> Verdict
where
    F: AsyncFn(YourTest, &CompleteTodo) -> Result<(), String>,
{
    fails(
        test,
        client!(wrong_content_type),
        "sends its JSON as `Content-Type: text/plain`",
        |_| {
            "match the header's value, `header(\"content-type\", \"application/json\")`: a \
             check that there is a content type (`header_exists`) accepts any"
                .to_owned()
        },
    )
    .await
}

/// `complete_sends_one_patch` fails a client that sends two `Content-Type` lines.
pub async fn patch_test_fails_a_client_that_sends_two_content_types<F>(test: &F) -> Verdict
where
    F: AsyncFn(YourTest, &CompleteTodo) -> Result<(), String>,
{
    fails(
        test,
        client!(two_content_types),
        "sends `Content-Type: application/json` and then a second line, `Content-Type: \
         application/merge-patch+json` (`.json()`, then `.header()`, which appends)",
        |_| {
            "check every `Content-Type` line the request carries (wiremock's `header(\"content-type\", \
             \"application/json\")` does), not only the first (`headers.get(..)` reads one)"
                .to_owned()
        },
    )
    .await
}

/// `complete_sends_one_patch` fails a client that sends `Content-Type: application/json` twice.
pub async fn patch_test_fails_a_client_that_sends_the_json_content_type_twice<F>(
    test: &F,
) -> Verdict
where
    F: AsyncFn(YourTest, &CompleteTodo) -> Result<(), String>,
{
    fails(
        test,
        client!(json_content_type_twice),
        "sends `Content-Type: application/json` twice, two lines with the same value (`.json()`, \
         then `.header()` with the same type, which appends)",
        |_| {
            "no other `Content-Type` line means none at all, the same value included: check that \
             the request carries exactly one (`headers.get_all(CONTENT_TYPE)`, or wiremock's \
             `header(\"content-type\", \"application/json\")`, which compares every line)"
                .to_owned()
        },
    )
    .await
}

/// `complete_sends_one_patch` fails a client that sends the PATCH twice.
pub async fn patch_test_fails_a_client_that_sends_twice<F>(test: &F) -> Verdict
where
    F: AsyncFn(YourTest, &CompleteTodo) -> Result<(), String>,
{
    fails(
        test,
        client!(sends_twice),
        "sends the same PATCH twice",
        |_| {
            "count the requests: `.expect(1)` on the mock, or the length of \
             `server.received_requests().await`"
                .to_owned()
        },
    )
    .await
}

/// `complete_sends_one_patch` fails a client that sends a GET before the PATCH.
pub async fn patch_test_fails_a_client_that_reads_before_patching<F>(test: &F) -> Verdict
where
    F: AsyncFn(YourTest, &CompleteTodo) -> Result<(), String>,
{
    fails(
        test,
        client!(reads_before_patching),
        "sends `GET {base URL}/todos/{id}` before the right PATCH: two requests where the \
         contract allows one",
        |_| {
            "count every request that arrived, not only those your mock matched: \
             `server.received_requests().await` must hold exactly one (an `.expect(1)` on the \
             PATCH mock does not see the GET)"
                .to_owned()
        },
    )
    .await
}

/// `complete_sends_one_patch` fails a client that sends the right request but returns a todo
/// of its own making instead of the server's answer.
pub async fn patch_test_fails_a_client_that_invents_its_answer<F>(test: &F) -> Verdict
where
    F: AsyncFn(YourTest, &CompleteTodo) -> Result<(), String>,
{
    fails(
        test,
        client!(invents_its_answer),
        "sends the right PATCH but returns a todo it made up instead of the server's answer",
        |calls| {
            format!(
                "it returned {}. Compare what `complete` returns with the todo your server \
                 answered, every field (`assert_eq!(todo, answered)`, or `Ok(todo) if todo == \
                 answered`), and answer a todo no client could make up: a title, an owner \
                 other than 0",
                returned(calls)
            )
        },
    )
    .await
}

/// `complete_sends_one_patch` fails a client that sends the right PATCH, then returns an error.
pub async fn patch_test_fails_a_client_that_fails_after_the_patch<F>(test: &F) -> Verdict
where
    F: AsyncFn(YourTest, &CompleteTodo) -> Result<(), String>,
{
    fails(
        test,
        client!(decodes_a_list),
        "sends the right PATCH, then decodes the answer as a list of todos, so it returns a \
         `Decode` error for the server's todo",
        |calls| {
            format!(
                "it returned {}. Your test must fail unless `complete` returns `Ok` with the \
                 todo your server answered: an `Err` fails it too (`assert_eq!(result?, \
                 answered)`, or a `match` whose only passing arm is `Ok(todo) if todo == \
                 answered`), not only a wrong `Ok`",
                returned(calls)
            )
        },
    )
    .await
}

/// `complete_sends_one_patch` fails, promptly, a client that sends no request at all.
pub async fn patch_test_fails_a_client_that_sends_nothing<F>(test: &F) -> Verdict
where
    F: AsyncFn(YourTest, &CompleteTodo) -> Result<(), String>,
{
    fails(
        test,
        client!(sends_nothing),
        "sends no request at all and returns a todo it made up",
        |calls| {
            format!(
                "it returned {}, and your server received nothing. Check what your server \
                 received (`.expect(1)` on the mock, or `server.received_requests().await`) \
                 once `complete` has returned",
                returned(calls)
            )
        },
    )
    .await
}

/// `complete_sends_one_patch` fails a client that reads `userId` under the wrong name.
pub async fn patch_test_fails_a_client_that_loses_the_user_id<F>(test: &F) -> Verdict
where
    F: AsyncFn(YourTest, &CompleteTodo) -> Result<(), String>,
{
    fails(
        test,
        client!(loses_the_user_id),
        "reads the answer's `userId` as `user_id`, a field that is not there, so every todo it \
         returns has the owner 0",
        |calls| {
            format!(
                "it returned {}. Compare the whole todo with the one your server answered \
                 (`assert_eq!(todo, answered)`), and give that todo an owner other than 0",
                returned(calls)
            )
        },
    )
    .await
}

/// `complete_sends_one_patch` fails a client that reads `completed` under the wrong name.
pub async fn patch_test_fails_a_client_that_loses_completed<F>(test: &F) -> Verdict
where
    F: AsyncFn(YourTest, &CompleteTodo) -> Result<(), String>,
{
    fails(
        test,
        client!(loses_completed),
        "reads the answer's `completed` as `complete`, a field that is not there, so every \
         todo it returns is open (`completed: false`)",
        |calls| {
            format!(
                "it returned {}. Answer the todo a server answers to this PATCH, `completed: \
                 true`, and compare the whole todo with it (`assert_eq!(todo, answered)`)",
                returned(calls)
            )
        },
    )
    .await
}

/// `complete_sends_one_patch` agrees with the reference solution's on seeded clients: it
/// passes the correct ones (JSON spacing, extra headers and URL building drawn from the seed)
/// and fails each flawed one (a flaw per client, none of them in `broken/`).
pub async fn patch_test_agrees_with_the_reference_on_seeded_clients<F>(test: &F) -> Verdict
where
    F: AsyncFn(YourTest, &CompleteTodo) -> Result<(), String>,
{
    for index in 0..seeded::PATCH_FLAWS.len() {
        agree(
            test,
            YourTest::SendsOnePatch,
            &Seeded::for_patch_test(index),
        )
        .await?;
    }
    Ok(())
}

/// `complete_reports_a_server_error` passes the lesson's `TodoClient::complete` and the correct
/// variants.
pub async fn status_test_passes_the_correct_clients<F>(test: &F) -> Verdict
where
    F: AsyncFn(YourTest, &CompleteTodo) -> Result<(), String>,
{
    let lessons: (&str, Box<CompleteTodo>) = (
        "the lesson's `TodoClient::complete`",
        complete_with_todo_client(),
    );
    for (who, implementation) in std::iter::once(lessons).chain(correct_variants()) {
        let subject = Subject::new(implementation);
        passes(test, YourTest::ReportsAServerError, &subject, who, "").await?;
    }
    Ok(())
}

/// `complete_reports_a_server_error` fails a client that decodes the body whatever the status.
pub async fn status_test_fails_a_client_that_ignores_the_status<F>(test: &F) -> Verdict
where
    F: AsyncFn(YourTest, &CompleteTodo) -> Result<(), String>,
{
    status_fails(
        test,
        client!(ignores_status),
        "never looks at the status and decodes whatever body comes back",
    )
    .await
}

/// `complete_reports_a_server_error` fails a client that files a 500 under `Transport`.
pub async fn status_test_fails_a_client_that_reports_the_status_as_a_transport_error<F>(
    test: &F,
) -> Verdict
where
    F: AsyncFn(YourTest, &CompleteTodo) -> Result<(), String>,
{
    status_fails(
        test,
        client!(status_as_transport_error),
        "reports a 500 as `TodoError::Transport` (\"no answer from the server\") instead of \
         `TodoError::Status(500)`",
    )
    .await
}

/// `complete_reports_a_server_error` fails a client that reports every error status as 404.
pub async fn status_test_fails_a_client_that_reports_every_failure_as_404<F>(test: &F) -> Verdict
where
    F: AsyncFn(YourTest, &CompleteTodo) -> Result<(), String>,
{
    status_fails(
        test,
        client!(reports_every_failure_as_404),
        "reports every error status as `TodoError::Status(404)`, a 500 included",
    )
    .await
}

/// `complete_reports_a_server_error` agrees with the reference solution's on seeded clients:
/// it passes the correct ones and fails those that read a 500 as `Ok`, as `Transport`, or as
/// another status.
pub async fn status_test_agrees_with_the_reference_on_seeded_clients<F>(test: &F) -> Verdict
where
    F: AsyncFn(YourTest, &CompleteTodo) -> Result<(), String>,
{
    for index in 0..seeded::STATUS_FLAWS.len() {
        agree(
            test,
            YourTest::ReportsAServerError,
            &Seeded::for_status_test(index),
        )
        .await?;
    }
    Ok(())
}

/// The reference solution's two tests, as one candidate.
async fn reference_tests(which: YourTest, complete: &CompleteTodo) -> Result<(), String> {
    match which {
        YourTest::SendsOnePatch => reference::complete_sends_one_patch(complete).await,
        YourTest::ReportsAServerError => reference::complete_reports_a_server_error(complete).await,
    }
}

/// A seeded client as an implementation of "complete a todo".
fn seeded_client(seeded: &Seeded) -> Box<CompleteTodo> {
    let seeded = Arc::new(seeded.clone());
    Box::new(move |base_url, id| {
        let seeded = Arc::clone(&seeded);
        Box::pin(async move { seeded.complete(base_url, id).await })
    })
}

/// The differential check on one seeded client: the reference test's verdict is the
/// contract's (and must be what the client was built to be); yours must be the same.
async fn agree<F>(test: &F, which: YourTest, client: &Seeded) -> Verdict
where
    F: AsyncFn(YourTest, &CompleteTodo) -> Result<(), String>,
{
    let description = client.describe();
    let reference = Subject::new(seeded_client(client));
    let who = format!("a client that {description}");
    let reference_passed = run(&reference_tests, which, &reference, &who)
        .await?
        .passed();
    if reference_passed != client.is_correct() {
        return Err(EXERCISE.fail(&format!(
            "the course is at fault here, not your test: the reference test `{}` {} {who}",
            which.name(),
            if reference_passed { "passed" } else { "failed" }
        )));
    }
    let subject = seeded_client(client);
    match (client.rule(), which) {
        (None, _) => {
            passes(
                test,
                which,
                &Subject::new(subject),
                &who,
                "It differs from the lesson's client only in details the contract leaves free, \
                 and the reference test passes it",
            )
            .await
        }
        (Some(rule), YourTest::SendsOnePatch) => {
            fails(test, subject, &description, |_| {
                format!(
                    "the contract says {rule}, and the reference test fails this client; make \
                     yours check that too"
                )
            })
            .await
        }
        (Some(_), YourTest::ReportsAServerError) => status_fails(test, subject, &description).await,
    }
}

/// One call of `complete` made by a test: the arguments, and what it returned.
#[derive(Debug, Clone)]
struct Call {
    base_url: String,
    id: u64,
    /// The todo, or the error as text.
    result: Result<Todo, String>,
}

/// An implementation of "complete a todo", with a log of how it was called and what it
/// returned.
struct Subject {
    complete: Box<CompleteTodo>,
    calls: Arc<Mutex<Vec<Call>>>,
    /// Calls started, finished or not.
    started: Arc<AtomicUsize>,
}

impl Subject {
    fn new(implementation: Box<CompleteTodo>) -> Subject {
        let calls = Arc::new(Mutex::new(Vec::new()));
        let started = Arc::new(AtomicUsize::new(0));
        let log = Arc::clone(&calls);
        let count = Arc::clone(&started);
        Subject {
            complete: Box::new(move |base_url, id| {
                count.fetch_add(1, Ordering::SeqCst);
                logged(implementation(base_url, id), base_url, id, Arc::clone(&log))
            }),
            calls,
            started,
        }
    }

    /// How many calls were started, returned or not.
    fn started(&self) -> usize {
        self.started.load(Ordering::SeqCst)
    }

    fn calls(&self) -> Vec<Call> {
        self.calls
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

/// `call`, noting its arguments and result in `log` when it finishes.
fn logged<'a>(
    call: BoxFuture<'a, Result<Todo, TodoError>>,
    base_url: &'a str,
    id: u64,
    log: Arc<Mutex<Vec<Call>>>,
) -> BoxFuture<'a, Result<Todo, TodoError>> {
    Box::pin(async move {
        let result = call.await;
        let entry = Call {
            base_url: base_url.to_owned(),
            id,
            result: match &result {
                Ok(todo) => Ok(todo.clone()),
                Err(err) => Err(describe(err)),
            },
        };
        log.lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(entry);
        result
    })
}

/// An error of `complete`, as the messages show it.
fn describe(err: &TodoError) -> String {
    match err {
        TodoError::Status(status) => format!("Err(TodoError::Status({status}))"),
        TodoError::Transport(_) => format!("Err(TodoError::Transport(..)): {}", error_chain(err)),
        TodoError::Decode(_) => format!("Err(TodoError::Decode(..)): {}", error_chain(err)),
    }
}

/// Runs `test` on `subject` to its end, within [`TEST_TIME_LIMIT`]; `Err` is the check's
/// message for the stub or a test that never ends.
async fn run<F>(test: &F, which: YourTest, subject: &Subject, who: &str) -> Result<Outcome, String>
where
    F: AsyncFn(YourTest, &CompleteTodo) -> Result<(), String>,
{
    let mut running = Box::pin(run_test(test(which, subject.complete.as_ref())));
    let outcome = tokio::select! {
        outcome = &mut running => outcome,
        () = tokio::time::sleep(TEST_TIME_LIMIT) => {
            // Dropping the test drops its `MockServer`, whose unmet `.expect(n)` would panic.
            let _ = catch_panic(async move { drop(running) }).await;
            let returned = match subject.calls().len() {
                0 => "not once".to_owned(),
                1 => "once".to_owned(),
                n => format!("{n} times"),
            };
            return Err(EXERCISE.fail(&format!(
                "your test `{}` did not finish within {} s against {who}; by then `complete` \
                 had returned {returned}. A test must finish within {} s however long \
                 `complete` takes: once it has returned, the test has all it needs (no wait of \
                 its own after it); before, nothing to wait on that may never come (no long \
                 `set_delay`, no loop until a request arrives)",
                which.name(),
                TEST_TIME_LIMIT.as_secs(),
                TEST_TIME_LIMIT.as_secs(),
            )));
        }
    };
    match &outcome {
        Outcome::Panicked(panic) if panic.message.contains("not yet implemented") => Err(EXERCISE
            .fail("this exercise is still the stub: replace the `todo!()`s with your tests")),
        _ => Ok(outcome),
    }
}

/// The check for a correct implementation: the test must pass it. `advice` (or nothing) ends
/// the message when it does not.
async fn passes<F>(test: &F, which: YourTest, subject: &Subject, who: &str, advice: &str) -> Verdict
where
    F: AsyncFn(YourTest, &CompleteTodo) -> Result<(), String>,
{
    let how = match run(test, which, subject, who).await? {
        Outcome::Passed => return Ok(()),
        Outcome::Failed(message) => format!("returned Err({message:?})"),
        // wiremock's own panic, from the `.expect(..)` check it runs when a server is dropped:
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
    let mut why = Vec::new();
    let started = subject.started();
    if started == 0 {
        why.push(never_called());
    } else if started > calls.len() {
        why.push(format!(
            "your test called `complete` {} and it returned {}: your test stopped waiting \
             before `complete` returned. A correct client may take its time; the contract gives \
             a test 10 s in all, so await `complete` to its end, with no timeout of your own \
             shorter than that",
            lesson_support::testing::count_of_times(started),
            lesson_support::testing::count_of_times(calls.len()),
        ));
    }
    if calls
        .iter()
        .any(|call| matches!(&call.result, Err(e) if e.contains("Status(404")))
    {
        why.push(
            "`complete` got a 404 from your server: wiremock's answer when no mock matches. One \
             of your matchers does not fit a correct request: check the method, the path (your \
             base URL's path, then `/todos/` and the id you pass to `complete`), the header \
             and the body"
                .to_owned(),
        );
    }
    if let Some(call) = calls.iter().find(|call| call.base_url.ends_with('/')) {
        why.push(format!(
            "your test gave `complete` the base URL `{}`, which ends in `/`: the contract's base \
             URL has none, and a correct client may put its own `/` after it",
            call.base_url
        ));
    }
    if !advice.is_empty() {
        why.push(advice.to_owned());
    }
    let why: String = why.iter().map(|line| format!("\n  {line}")).collect();
    Err(EXERCISE.fail(&format!(
        "your test `{}` failed against {who}, which is correct. It {how}{why}",
        which.name()
    )))
}

/// The check for a broken implementation: `complete_sends_one_patch` must fail it. `nudge`
/// says what would have caught it, from the calls the test made.
async fn fails<F>(
    test: &F,
    implementation: Box<CompleteTodo>,
    flaw: &str,
    nudge: impl FnOnce(&[Call]) -> String,
) -> Verdict
where
    F: AsyncFn(YourTest, &CompleteTodo) -> Result<(), String>,
{
    let which = YourTest::SendsOnePatch;
    let subject = Subject::new(implementation);
    let who = format!("a client that {flaw}");
    if !run(test, which, &subject, &who).await?.passed() {
        return Ok(());
    }
    let calls = subject.calls();
    let flaw = format!("your test `{}` passed {who}", which.name());
    let first_error = calls.iter().find_map(|call| call.result.as_ref().err());
    Err(EXERCISE.fail(&match first_error {
        _ if calls.is_empty() => format!("{flaw}. {}", never_called()),
        Some(error) => format!(
            "{flaw}. `complete` returned `{error}`, yet your test passed: it must fail unless \
             `complete` returns `Ok` with the todo your server sent, so an `Err` fails it too \
             (check the result itself, not only the requests your server saw)"
        ),
        None => format!("{flaw}: {}", nudge(&calls)),
    }))
}

/// The check for a broken implementation: `complete_reports_a_server_error` must fail it.
async fn status_fails<F>(test: &F, implementation: Box<CompleteTodo>, flaw: &str) -> Verdict
where
    F: AsyncFn(YourTest, &CompleteTodo) -> Result<(), String>,
{
    let which = YourTest::ReportsAServerError;
    let subject = Subject::new(implementation);
    let who = format!("a client that {flaw}");
    if !run(test, which, &subject, &who).await?.passed() {
        return Ok(());
    }
    let flaw = format!("your test `{}` passed {who}", which.name());
    let ask = "check for `Err(TodoError::Status(status)) if status == 500` itself (`matches!`, \
               or a `match` with a guard), nothing looser";
    Err(EXERCISE.fail(&match subject.calls().first().map(|call| &call.result) {
        None => format!("{flaw}. {}", never_called()),
        Some(Ok(todo)) => format!(
            "{flaw}: `complete` returned `Ok({todo:?})` and your test accepted it. Make your \
             server answer 500 (`ResponseTemplate::new(500)`), and check that the result is \
             `Err(TodoError::Status(500))`"
        ),
        Some(Err(error)) if error.contains("Decode") => format!(
            "{flaw}: it returned `{error}` only because the body of your 500 is not a todo, and \
             your test accepted it. Give the 500 a todo as its body (`set_body_json`), so that \
             only a status check turns it into an error, and {ask}"
        ),
        // The right answer, for the 500 this test sent: the client is wrong only on another.
        Some(Err(error)) if error.contains("Status(500") => format!(
            "{flaw}: it returned `{error}` for your 500, which is right for that 500, but it \
             returns `Ok` for a 500 whose body is a todo. Give your 500 a todo as its body \
             (`set_body_json`), so that only a status check turns it into an error"
        ),
        Some(Err(error)) => format!(
            "{flaw}: it returned `{error}` for your 500, and your test accepted it: {ask}"
        ),
    }))
}

fn never_called() -> String {
    format!(
        "Your test never called `complete`: call it, `complete(&base_url, 17).await` with \
         `base_url` = `{SUGGESTED_BASE}`, and look at what it returns and what your server \
         received"
    )
}

/// What the calls returned, for a message: `Ok(Todo { … })`, or each result in turn.
fn returned(calls: &[Call]) -> String {
    let results: Vec<String> = calls
        .iter()
        .map(|call| match &call.result {
            Ok(todo) => format!("`Ok({todo:?})`"),
            Err(error) => format!("`{error}`"),
        })
        .collect();
    results.join(", then ")
}

/// Items of a list, for a message: `a`, or `a, b`.
fn join<T: std::fmt::Display>(items: &[T]) -> String {
    let items: Vec<String> = items.iter().map(|item| format!("`{item}`")).collect();
    items.join(", ")
}

/// The path of a URL (`/api/v1`), or `""` for none (`http://host`, `http://host/`).
fn path_of(url: &str) -> String {
    reqwest::Url::parse(url)
        .map(|url| url.path().trim_end_matches('/').to_owned())
        .unwrap_or_default()
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
