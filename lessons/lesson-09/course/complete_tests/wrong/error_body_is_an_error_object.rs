//! Wrong: breaks "`complete_reports_a_server_error` fails unless `complete` returns exactly `Err(TodoError::Status(500))` … whatever the 500's body (a client that decodes the body before it looks at the status returns `Ok` for a 500 whose body is a todo, so answer one)"
//! The 500 carries what a real API sends with one, a JSON error object
//! (`{"error": "database unavailable"}`), and the test asks for exactly `Status(500)`. A client
//! with no status check at all then gets `Decode` and is failed, and so is one that reports a
//! 404 or `Transport`. But a client that decodes first and looks at the status only when the
//! body is not a todo (`match response.json() { Ok(todo) => Ok(todo), Err(_) if
//! status.is_server_error() => Err(Status(..)), … }`) turns this body into `Status(500)` and
//! passes; the same client returns `Ok` for a 500 whose body is a todo. The first test is the
//! careful one.

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
    let answer = Todo {
        user_id: 4,
        id: 17,
        title: "water the ferns".to_owned(),
        completed: true,
    };
    Mock::given(method("PATCH"))
        .and(path("/api/v1/todos/17"))
        .and(header("content-type", "application/json"))
        .and(body_json(json!({ "completed": true })))
        .respond_with(ResponseTemplate::new(200).set_body_json(&answer))
        .expect(1)
        .mount(&server)
        .await;

    let result = complete(base_url.as_str(), 17).await;

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
    // What an API really sends with a 500: an error object, not JSON a client could mistake
    // for the todo.
    Mock::given(any())
        .respond_with(
            ResponseTemplate::new(500).set_body_json(json!({ "error": "database unavailable" })),
        )
        .mount(&server)
        .await;

    let base_url = server.uri();
    match complete(base_url.as_str(), 17).await {
        Err(TodoError::Status(status)) if status == 500 => Ok(()),
        other => Err(format!("expected Err(Status(500)), got {other:?}")),
    }
}
