//! Wrong: tests with id 1 only (the first todo), so a client that ignores its `id` and always sends `PATCH {base}/todos/1` hits the mock, is counted once, returns the todo, and passes, against "`PATCH {base URL}/todos/{id}`".

use lesson_support::models::Todo;
use serde_json::json;
use wiremock::matchers::{any, body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::{CompleteTodo, TodoError};

/// A todo no client could make up: a real title, an owner other than 0.
fn answered_todo(id: u64) -> Todo {
    Todo {
        user_id: 4,
        id,
        title: "renew the passport before June".to_owned(),
        completed: true,
    }
}

/// Passes if `complete` sends one `PATCH {base URL}/todos/{id}` with `{"completed": true}` as
/// JSON, and returns the server's todo.
pub async fn complete_sends_one_patch(complete: &CompleteTodo) -> Result<(), String> {
    let server = MockServer::start().await;
    let base_url = format!("{}/api/v1", server.uri());
    let todo = answered_todo(1);
    Mock::given(method("PATCH"))
        .and(path("/api/v1/todos/1"))
        .and(header("content-type", "application/json"))
        .and(body_json(json!({ "completed": true })))
        .respond_with(ResponseTemplate::new(200).set_body_json(&todo))
        .expect(1)
        .named("PATCH /api/v1/todos/1")
        .mount(&server)
        .await;

    let result = complete(&base_url, 1).await;

    let received = server.received_requests().await.unwrap_or_default();
    if received.len() != 1 {
        return Err(format!(
            "the server received {} requests, expected exactly 1",
            received.len()
        ));
    }
    match result {
        Ok(got) if got == todo => Ok(()),
        Ok(got) => Err(format!(
            "complete returned {got:?}, the server answered {todo:?}"
        )),
        Err(err) => Err(format!("complete failed: {err:?}")),
    }
}

/// Passes if `complete` reports a 500 as `TodoError::Status(500)`.
pub async fn complete_reports_a_server_error(complete: &CompleteTodo) -> Result<(), String> {
    let server = MockServer::start().await;
    let base_url = format!("{}/api/v1", server.uri());
    // A body that would decode: only a real status check turns this answer into an error.
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500).set_body_json(answered_todo(1)))
        .mount(&server)
        .await;

    match complete(&base_url, 1).await {
        Err(TodoError::Status(status)) if status == 500 => Ok(()),
        Err(err) => Err(format!("expected Err(Status(500)), got Err({err:?})")),
        Ok(todo) => Err(format!("expected Err(Status(500)), got Ok({todo:?})")),
    }
}
