//! Wrong: breaks "neither fails a correct implementation, [...] whatever other headers it adds (`Accept`, `User-Agent`)": the learner's mock also demands a `User-Agent` header ("polite APIs ask for it", as the course's client module says, and the course's client always sends one), so a correct client built with `reqwest::Client::new()`, which sends no `User-Agent` at all, gets wiremock's 404 and fails the test.

use lesson_support::models::Todo;
use serde_json::json;
use wiremock::matchers::{any, body_json, header, header_exists, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::{CompleteTodo, TodoError};

/// Passes if `complete` sends one polite `PATCH {base URL}/todos/{id}` with
/// `{"completed": true}` as JSON, and returns the server's todo.
pub async fn complete_sends_one_patch(complete: &CompleteTodo) -> Result<(), String> {
    let server = MockServer::start().await;
    let base_url = format!("{}/api/v1", server.uri());
    let answer = Todo {
        user_id: 3,
        id: 42,
        title: "oil the garden gate".to_owned(),
        completed: true,
    };
    Mock::given(method("PATCH"))
        .and(path("/api/v1/todos/42"))
        .and(header("content-type", "application/json"))
        .and(header_exists("user-agent"))
        .and(body_json(json!({ "completed": true })))
        .respond_with(ResponseTemplate::new(200).set_body_json(&answer))
        .expect(1)
        .mount(&server)
        .await;

    let result = complete(base_url.as_str(), 42).await;

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
    let uri = server.uri();
    let answer = Todo {
        user_id: 3,
        id: 42,
        title: "oil the garden gate".to_owned(),
        completed: true,
    };
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500).set_body_json(&answer))
        .mount(&server)
        .await;

    match complete(uri.as_str(), 42).await {
        Err(TodoError::Status(status)) if status == 500 => Ok(()),
        other => Err(format!("expected Err(Status(500)), got {other:?}")),
    }
}
