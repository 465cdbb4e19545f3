//! Wrong: breaks "that request is `PATCH {base URL}/todos/{id}`": the mock's path is `path_regex(r"^/api/v1/todos/17/?$")`, so a client that sends `PATCH /api/v1/todos/17/` (a trailing slash, Django-style) passes; the regex is anchored and keeps the base path and the id, and the method, content type, JSON body, one request, the whole todo and the error test are all checked right.

use lesson_support::models::Todo;
use serde_json::json;
use wiremock::matchers::{any, body_json, header, method, path_regex};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::{CompleteTodo, TodoError};

/// A todo no client could make up: an owner, an id and a title of its own.
fn answer() -> Todo {
    Todo {
        user_id: 4,
        id: 17,
        title: "water the ferns".to_owned(),
        completed: true,
    }
}

/// Passes if `complete` sends one `PATCH {base URL}/todos/{id}` with `{"completed": true}` as
/// JSON, and returns the server's todo.
pub async fn complete_sends_one_patch(complete: &CompleteTodo) -> Result<(), String> {
    let server = MockServer::start().await;
    let base_url = format!("{}/api/v1", server.uri());
    let answer = answer();
    // The whole path, base path and id included, from start to end. "However it builds its
    // URL": some clients end it with a `/`, which names the same resource, so allow one.
    Mock::given(method("PATCH"))
        .and(path_regex(r"^/api/v1/todos/17/?$"))
        .and(header("content-type", "application/json"))
        .and(body_json(json!({ "completed": true })))
        .respond_with(ResponseTemplate::new(200).set_body_json(&answer))
        .expect(1)
        .mount(&server)
        .await;

    let result = complete(&base_url, 17).await;

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
    // A body that decodes as a todo: only a client that reads the status reports an error.
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500).set_body_json(answer()))
        .mount(&server)
        .await;

    match complete(&server.uri(), 17).await {
        Err(TodoError::Status(status)) if status == 500 => Ok(()),
        other => Err(format!("expected Err(Status(500)), got {other:?}")),
    }
}
