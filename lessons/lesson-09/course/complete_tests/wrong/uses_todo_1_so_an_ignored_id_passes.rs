//! Wrong: breaks "`complete_sends_one_patch` fails unless ... that request is `PATCH {base URL}/todos/{id}`": the test uses JSONPlaceholder's todo 1 (id 1, owned by user 1), so a client that ignores `id` and always sends `PATCH {base}/todos/1` (a path copied from the API's docs) matches the mock, gets the answer, and passes
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
//! - with the header `Content-Type: application/json`, and no other `Content-Type` line (HTTP
//!   allows one: a second, even after the right one, is another content type);
//! - with the JSON body `{"completed": true}`: `true` the JSON boolean, and no other field (a
//!   PATCH changes every field it is sent);
//! - and unless `complete` returns `Ok` with the todo your server answered, every field of it
//!   (`userId`, `id`, `title`, `completed`): answer the todo a server answers to this PATCH
//!   (`completed: true`), with a title and an owner other than 0, which no client could make up;
//! - `complete_reports_a_server_error` fails unless `complete` returns exactly
//!   `Err(TodoError::Status(500))` (the lesson's `crate::TodoError`) when the server answers
//!   500: not another status, not `Transport` or `Decode`, and not `Ok`, whatever the 500's
//!   body (a client that decodes the body before it looks at the status returns `Ok` for a 500
//!   whose body is a todo, so answer one);
//! - neither fails a correct implementation, however it writes its JSON (spaces, line breaks,
//!   key order), whatever other headers it adds or leaves out (`Accept`, `User-Agent`), however
//!   it builds its URL, and however long it takes within the test's 10 s (await `complete` to
//!   its end). The base URL you give has no trailing `/`;
//! - a test must finish within 10 seconds.

use lesson_support::models::Todo;
use serde_json::json;
use wiremock::matchers::{any, body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::{CompleteTodo, TodoError};

/// Passes if `complete` sends one `PATCH {base URL}/todos/{id}` with `{"completed": true}` as
/// JSON, and returns the server's todo.
pub async fn complete_sends_one_patch(complete: &CompleteTodo) -> Result<(), String> {
    let server = MockServer::start().await;
    let base_url = format!("{}/api/v1", server.uri());
    // The first todo of JSONPlaceholder, as the server has it once completed.
    let answer = Todo {
        user_id: 1,
        id: 1,
        title: "delectus aut autem".to_owned(),
        completed: true,
    };
    Mock::given(method("PATCH"))
        .and(path("/api/v1/todos/1"))
        .and(header("content-type", "application/json"))
        .and(body_json(json!({ "completed": true })))
        .respond_with(ResponseTemplate::new(200).set_body_json(&answer))
        .expect(1)
        .mount(&server)
        .await;

    let result = complete(&base_url, 1).await;

    let received = server.received_requests().await.unwrap_or_default();
    if received.len() != 1 {
        return Err(format!(
            "expected exactly one request, the server received {}",
            received.len()
        ));
    }
    match result {
        Ok(todo) if todo == answer => Ok(()),
        other => Err(format!("expected Ok({answer:?}), got {other:?}")),
    }
}

/// Passes if `complete` reports a 500 as `TodoError::Status(500)`.
pub async fn complete_reports_a_server_error(complete: &CompleteTodo) -> Result<(), String> {
    let server = MockServer::start().await;
    let answer = Todo {
        user_id: 4,
        id: 17,
        title: "water the ferns".to_owned(),
        completed: true,
    };
    // A body that decodes as a todo: only a client that reads the status first reports a 500.
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500).set_body_json(&answer))
        .mount(&server)
        .await;
    match complete(&server.uri(), 17).await {
        Err(TodoError::Status(status)) if status == 500 => Ok(()),
        other => Err(format!("expected Err(Status(500)), got {other:?}")),
    }
}
