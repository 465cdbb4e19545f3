//! Correct: the error test is as strict as the PATCH test (its 500, with a todo as body, answers only the exact PATCH under `/api/v1`, `.expect(1)`, exactly one request arrived), which every correct client satisfies; it fails more broken clients than it must (a PUT client fails both tests, not only the first), so a check that demands the error test pass whatever the request looks like would be over-strict. A shared helper mounts both mocks.
//!
//! Exercise 14: test a client that completes todos.
//!
//! This time the course gives you the code and you write the tests. Each function below is a
//! test of "complete todo `id`": it receives the code under test as `complete`, starts its own
//! wiremock `MockServer`, mounts mocks, calls `complete(&base_url, id).await` with a base URL
//! on that server, and decides.
//!
//! A test passes by returning `Ok(())`. It fails by returning `Err(message)` or by panicking,
//! as any Rust test may: `assert!`, `unwrap()`, and a `.expect(n)` that wiremock finds unmet
//! when the server is dropped all count as failing.
//!
//! The contract, which `cargo test -p lesson-09` checks by running your tests against correct
//! implementations (they must pass) and against broken ones (each must fail):
//! - `complete_sends_one_patch` fails unless `complete`, given a base URL *with a path*,
//!   sends exactly one request of any kind, and that request is `PATCH {base URL}/todos/{id}`:
//!   the base URL's path kept (an API often lives under a prefix, so call `complete` with
//!   `format!("{}/api/v1", server.uri())`, not the bare `server.uri()`, and a client that
//!   drops the prefix fails your test);
//! - with the header `Content-Type: application/json`;
//! - with the JSON body `{"completed": true}`: `true` the JSON boolean, and no other field (a
//!   PATCH changes every field it is sent);
//! - and unless `complete` returns `Ok` with the todo your server answered, every field of it
//!   (`userId`, `id`, `title`, `completed`): answer one that no client could make up, with a
//!   title and an owner other than 0;
//! - `complete_reports_a_server_error` fails unless `complete` returns exactly
//!   `Err(TodoError::Status(500))` (the lesson's `crate::TodoError`) when the server answers
//!   500: not another status, not `Transport` or `Decode`, and not `Ok`, whatever the 500's
//!   body (a client that decodes the body before it looks at the status returns `Ok` for a 500
//!   whose body is a todo, so answer one);
//! - neither fails a correct implementation, however it writes its JSON (spaces, line breaks,
//!   key order), whatever other headers it adds (`Accept`, `User-Agent`), and however it
//!   builds its URL. The base URL you give has no trailing `/`;
//! - a test must finish within 10 seconds.

use lesson_support::models::Todo;
use serde_json::json;
use wiremock::matchers::{body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::{CompleteTodo, TodoError};

/// A todo no client could make up: an owner and a title of the server's own, completed as a
/// server answers this PATCH.
fn server_todo(id: u64) -> Todo {
    Todo {
        user_id: 8,
        id,
        title: "return the library books".to_owned(),
        completed: true,
    }
}

/// Mounts, on `server`, one mock that answers only the exact right request for todo `id` under
/// `/api/v1`, and counts it.
async fn mount_exact_patch(server: &MockServer, id: u64, answer: ResponseTemplate) {
    Mock::given(method("PATCH"))
        .and(path(format!("/api/v1/todos/{id}")))
        .and(header("content-type", "application/json"))
        .and(body_json(json!({ "completed": true })))
        .respond_with(answer)
        .expect(1)
        .mount(server)
        .await;
}

/// Passes if `complete` sends one `PATCH {base URL}/todos/{id}` with `{"completed": true}` as
/// JSON, and returns the server's todo.
pub async fn complete_sends_one_patch(complete: &CompleteTodo) -> Result<(), String> {
    let server = MockServer::start().await;
    let answer = server_todo(31);
    mount_exact_patch(
        &server,
        31,
        ResponseTemplate::new(200).set_body_json(&answer),
    )
    .await;

    let result = complete(&format!("{}/api/v1", server.uri()), 31).await;

    let arrived = server.received_requests().await.unwrap_or_default().len();
    if arrived != 1 {
        return Err(format!("{arrived} requests arrived, expected exactly 1"));
    }
    match result {
        Ok(todo) if todo == answer => Ok(()),
        other => Err(format!("expected Ok({answer:?}), got {other:?}")),
    }
}

/// Passes if `complete` reports a 500 as `TodoError::Status(500)`.
///
/// Stricter than it must be, on purpose: the 500 (whose body is a todo, so a client that skips
/// the status check would return `Ok`) answers only the exact right PATCH under a base path,
/// and exactly one request must arrive. A correct client sends exactly that request, so it
/// still passes; a client with a wrong request gets wiremock's 404 and fails here as well.
pub async fn complete_reports_a_server_error(complete: &CompleteTodo) -> Result<(), String> {
    let server = MockServer::start().await;
    mount_exact_patch(
        &server,
        31,
        ResponseTemplate::new(500).set_body_json(server_todo(31)),
    )
    .await;

    let result = complete(&format!("{}/api/v1", server.uri()), 31).await;

    let arrived = server.received_requests().await.unwrap_or_default().len();
    if arrived != 1 {
        return Err(format!("{arrived} requests arrived, expected exactly 1"));
    }
    match result {
        Err(TodoError::Status(status)) if status == 500 => Ok(()),
        other => Err(format!("expected Err(Status(500)), got {other:?}")),
    }
}
