//! Wrong: breaks "`complete_sends_one_patch` fails unless `complete` … sends exactly one request of any kind, and that request is `PATCH {base URL}/todos/{id}`"
//! A careful test in every other way, but it completes todo 1, the id every JSONPlaceholder
//! example uses (and answers todo 1). A client that ignores its `id` and always sends
//! `PATCH …/todos/1` (copied from such an example) sends exactly the request this test
//! expects and gets its todo back: the test passes it. Any id but 1, one that no client would
//! write by hand, tells `/todos/{id}` from a hard-coded path.

use lesson_support::models::Todo;
use serde_json::json;
use wiremock::matchers::{any, body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::{CompleteTodo, TodoError};

/// The todo the tests complete.
const ID: u64 = 1;

/// The todo the server answers: completed, with an owner and a title no client could invent.
fn answer() -> Todo {
    Todo {
        user_id: 4,
        id: ID,
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
        .and(path(format!("/api/v1/todos/{ID}")))
        .and(header("content-type", "application/json"))
        .and(body_json(json!({ "completed": true })))
        .respond_with(ResponseTemplate::new(200).set_body_json(&answer))
        .expect(1)
        .mount(&server)
        .await;

    let result = complete(base_url.as_str(), ID).await;

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
    match complete(base_url.as_str(), ID).await {
        Err(TodoError::Status(status)) if status == 500 => Ok(()),
        other => Err(format!("expected Err(Status(500)), got {other:?}")),
    }
}
