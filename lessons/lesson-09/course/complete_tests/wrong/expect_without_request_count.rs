//! Wrong: relies on the mock's `.expect(1)` alone for "exactly one request of any kind"; `.expect(1)` counts only the requests *this mock* matched, so a client that sends the right PATCH and then a stray request the mock does not match (a `GET /todos/17` to re-read, a second PATCH to another path, an `OPTIONS`) still passes.

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
    let todo = answered_todo(17);
    Mock::given(method("PATCH"))
        .and(path("/api/v1/todos/17"))
        .and(header("content-type", "application/json"))
        .and(body_json(json!({ "completed": true })))
        .respond_with(ResponseTemplate::new(200).set_body_json(&todo))
        .expect(1)
        .named("PATCH /api/v1/todos/17")
        .mount(&server)
        .await;

    let result = complete(&base_url, 17).await;

    // `.expect(1)` above already says "exactly one request": wiremock checks it on drop.
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
        .respond_with(ResponseTemplate::new(500).set_body_json(answered_todo(17)))
        .mount(&server)
        .await;

    match complete(&base_url, 17).await {
        Err(TodoError::Status(status)) if status == 500 => Ok(()),
        Err(err) => Err(format!("expected Err(Status(500)), got Err({err:?})")),
        Ok(todo) => Err(format!("expected Err(Status(500)), got Ok({todo:?})")),
    }
}
