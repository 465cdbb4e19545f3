//! Wrong: breaks "unless `complete` returns `Ok` with the todo your server answered, every field of it (`userId`, `id`, `title`, `completed`): answer one that no client could make up": reasoning that a client which fakes its result after a PATCH would say `completed: true`, the learner answers `completed: false`, which is exactly what a client that never reads `completed` (a field missing from its struct, filled by `#[serde(default)]`) makes up, so that client passes.

use lesson_support::models::Todo;
use serde_json::json;
use wiremock::matchers::{any, body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::{CompleteTodo, TodoError};

/// Passes if `complete` sends one `PATCH {base URL}/todos/{id}` with `{"completed": true}` as
/// JSON, and returns the server's todo, even one the server still has as open.
pub async fn complete_sends_one_patch(complete: &CompleteTodo) -> Result<(), String> {
    let server = MockServer::start().await;
    let base_url = format!("{}/api/v1", server.uri());
    let answer = Todo {
        user_id: 7,
        id: 23,
        title: "defrost the freezer".to_owned(),
        completed: false,
    };
    Mock::given(method("PATCH"))
        .and(path("/api/v1/todos/23"))
        .and(header("content-type", "application/json"))
        .and(body_json(json!({ "completed": true })))
        .respond_with(ResponseTemplate::new(200).set_body_json(&answer))
        .expect(1)
        .mount(&server)
        .await;

    let result = complete(base_url.as_str(), 23).await;

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
        user_id: 7,
        id: 23,
        title: "defrost the freezer".to_owned(),
        completed: true,
    };
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500).set_body_json(&answer))
        .mount(&server)
        .await;

    match complete(uri.as_str(), 23).await {
        Err(TodoError::Status(status)) if status == 500 => Ok(()),
        other => Err(format!("expected Err(Status(500)), got {other:?}")),
    }
}
