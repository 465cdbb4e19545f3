//! Exercise 14, solved: test a client that completes todos.

use lesson_support::models::Todo;
use serde_json::json;
use wiremock::matchers::{any, body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::{CompleteTodo, TodoError};

/// What the server answers: a title no implementation could make up, so getting it back proves
/// that `complete` returned the server's answer.
fn answered(id: u64) -> Todo {
    Todo {
        user_id: 4,
        id,
        title: "feed the cat".to_owned(),
        completed: true,
    }
}

/// Passes if `complete` sends one `PATCH {base URL}/todos/{id}` with `{"completed": true}` as
/// JSON, and returns the server's todo.
pub async fn complete_sends_one_patch(complete: &CompleteTodo) -> Result<(), String> {
    let server = MockServer::start().await;
    // The API under a prefix, as real deployments often put it: a client that builds its URL
    // from the host alone, dropping `/api/v1`, misses the mock below.
    let base_url = format!("{}/api/v1", server.uri());
    let done = answered(17);
    // Every part of the right request is a matcher: a request that differs in any of them
    // gets wiremock's 404 instead of the todo. `body_json` compares JSON values, so spacing and
    // key order do not matter.
    Mock::given(method("PATCH"))
        .and(path("/api/v1/todos/17"))
        .and(header("content-type", "application/json"))
        .and(body_json(json!({ "completed": true })))
        .respond_with(ResponseTemplate::new(200).set_body_json(&done))
        // Exactly one matching request; wiremock checks when `server` is dropped.
        .expect(1)
        .mount(&server)
        .await;

    let result = complete(&base_url, 17).await;

    // `.expect(1)` counts the requests this mock matched; the server saw every request.
    let received = server.received_requests().await.unwrap_or_default();
    if received.len() != 1 {
        return Err(format!(
            "expected exactly one request, the server received {}",
            received.len()
        ));
    }
    match result {
        // The whole todo: a client that lost or made up a field returns another one.
        Ok(todo) if todo == done => Ok(()),
        Ok(todo) => Err(format!("expected the server's todo {done:?}, got {todo:?}")),
        Err(err) => Err(format!(
            "expected the server's todo, got the error: {err} (the request was {} {})",
            received[0].method, received[0].url
        )),
    }
}

/// Passes if `complete` reports a 500 as `TodoError::Status(500)`.
pub async fn complete_reports_a_server_error(complete: &CompleteTodo) -> Result<(), String> {
    let server = MockServer::start().await;
    // A 500 whose body *is* a todo: a client that skips the status would decode it and return
    // `Ok`. (With an empty body it would return a decode error instead, and a test that only
    // asks "is it an error?" would let it through.)
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500).set_body_json(answered(17)))
        .mount(&server)
        .await;

    match complete(&server.uri(), 17).await {
        Err(TodoError::Status(status)) if status == 500 => Ok(()),
        other => Err(format!(
            "expected Err(TodoError::Status(500)), got {other:?}"
        )),
    }
}
