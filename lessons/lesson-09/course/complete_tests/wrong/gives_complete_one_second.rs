//! Wrong: breaks "neither fails a correct implementation": to honour "a test must finish within 10 seconds" the learner wraps each call of `complete` in a `tokio::time::timeout` of one second ("a local mock answers in microseconds"), so a correct client that is merely slow (a fresh client and its TLS set-up on a loaded machine, or one that simply takes its time) fails both tests although it sends the right request and returns the right value.

use std::time::Duration;

use lesson_support::models::Todo;
use serde_json::json;
use wiremock::matchers::{any, body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::{CompleteTodo, TodoError};

/// How long `complete` may take against a server on this machine.
const PATIENCE: Duration = Duration::from_secs(1);

/// Passes if `complete` sends one `PATCH {base URL}/todos/{id}` with `{"completed": true}` as
/// JSON, and returns the server's todo, within [`PATIENCE`].
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

    let result = tokio::time::timeout(PATIENCE, complete(base_url.as_str(), 17))
        .await
        .map_err(|_| format!("`complete` took longer than {PATIENCE:?} against a local server"))?;

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

/// Passes if `complete` reports a 500 as `TodoError::Status(500)`, within [`PATIENCE`].
pub async fn complete_reports_a_server_error(complete: &CompleteTodo) -> Result<(), String> {
    let server = MockServer::start().await;
    let uri = server.uri();
    let answer = Todo {
        user_id: 4,
        id: 17,
        title: "water the ferns".to_owned(),
        completed: true,
    };
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500).set_body_json(&answer))
        .mount(&server)
        .await;

    let result = tokio::time::timeout(PATIENCE, complete(uri.as_str(), 17))
        .await
        .map_err(|_| format!("`complete` took longer than {PATIENCE:?} against a local server"))?;

    match result {
        Err(TodoError::Status(status)) if status == 500 => Ok(()),
        other => Err(format!("expected Err(Status(500)), got {other:?}")),
    }
}
