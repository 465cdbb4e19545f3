//! Wrong: breaks "neither fails a correct implementation, … however long it takes within the test's 10 s (await `complete` to its end)"
//! Both tests wrap the call in `tokio::time::timeout(5 s)`, "so that a client that hangs fails
//! the test instead of eating the whole 10 s budget". Everything else is the careful test: full
//! path under a base path, method, content type, JSON body, `.expect(1)`, one request in the
//! log, the whole todo compared, and an exact `Status(500)` against a 500 whose body is a todo.
//! A correct client that answers in 1.5 s passes; a correct one that takes 6 s is failed.

use std::time::Duration;

use lesson_support::models::Todo;
use serde_json::json;
use wiremock::matchers::{any, body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::{CompleteTodo, TodoError};

/// How long `complete` gets before the test gives up on it.
const PATIENCE: Duration = Duration::from_secs(5);

/// The todo the server answers: completed, with an owner and a title no client could invent.
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
    Mock::given(method("PATCH"))
        .and(path("/api/v1/todos/17"))
        .and(header("content-type", "application/json"))
        .and(body_json(json!({ "completed": true })))
        .respond_with(ResponseTemplate::new(200).set_body_json(&answer))
        .expect(1)
        .mount(&server)
        .await;

    let result = tokio::time::timeout(PATIENCE, complete(base_url.as_str(), 17))
        .await
        .map_err(|_| format!("complete did not finish within {PATIENCE:?}"))?;

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
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500).set_body_json(answer()))
        .mount(&server)
        .await;

    let base_url = server.uri();
    let result = tokio::time::timeout(PATIENCE, complete(base_url.as_str(), 17))
        .await
        .map_err(|_| format!("complete did not finish within {PATIENCE:?}"))?;
    match result {
        Err(TodoError::Status(status)) if status == 500 => Ok(()),
        other => Err(format!("expected Err(Status(500)), got {other:?}")),
    }
}
