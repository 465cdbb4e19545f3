//! Wrong: breaks "`complete_reports_a_server_error` fails unless `complete` returns exactly `Err(TodoError::Status(500))`": the error test accepts `Status(s)` for any `s.is_server_error()`, so a client that reports the 500 as a 502 or a 503 passes; it does reject `Ok`, `Transport`, `Decode` and a 404 (the 500's body is a todo), and the first test checks everything strictly.

use lesson_support::models::Todo;
use serde_json::json;
use wiremock::matchers::{any, body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::{CompleteTodo, TodoError};

/// A todo no client could make up: the answer of both tests.
fn ferns() -> Todo {
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
    let answer = ferns();
    Mock::given(method("PATCH"))
        .and(path("/api/v1/todos/17"))
        .and(header("content-type", "application/json"))
        .and(body_json(json!({ "completed": true })))
        .respond_with(ResponseTemplate::new(200).set_body_json(&answer))
        .expect(1)
        .mount(&server)
        .await;

    let result = complete(&base_url, 17).await;
    let received = server.received_requests().await.unwrap_or_default();

    if received.len() != 1 {
        return Err(format!("expected one request, got {}", received.len()));
    }
    match result {
        Ok(todo) if todo == answer => Ok(()),
        other => Err(format!("expected Ok({answer:?}), got {other:?}")),
    }
}

/// Passes if `complete` reports a 500 as `TodoError::Status(500)`.
pub async fn complete_reports_a_server_error(complete: &CompleteTodo) -> Result<(), String> {
    let server = MockServer::start().await;
    // The body is a todo, so a client that skips the status check would return `Ok`.
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500).set_body_json(ferns()))
        .mount(&server)
        .await;

    match complete(&server.uri(), 17).await {
        // The server failed: any 5xx reported as a status is the server's error.
        Err(TodoError::Status(status)) if status.is_server_error() => Ok(()),
        other => Err(format!("expected a server error status, got {other:?}")),
    }
}
