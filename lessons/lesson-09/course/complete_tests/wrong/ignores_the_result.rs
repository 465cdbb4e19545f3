//! Wrong: the mock describes the right request, but nothing checks that it was met: no
//! `.expect(1)`, and the test never looks at what `complete` returned.

use lesson_support::models::Todo;
use serde_json::json;
use wiremock::matchers::{any, body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::{CompleteTodo, TodoError};

/// What the server answers: a title no implementation could make up, so getting it back proves
/// that `complete` returned the server's answer.
fn answered(id: u64) -> Todo {
    Todo {
        user_id: 4,
        id,
        title: "feed the cat".to_owned(),
        completed: true,
    }
}

/// Passes if `complete` sends one `PATCH /todos/{id}` with `{"completed": true}` as JSON.
pub async fn complete_sends_one_patch(complete: &CompleteTodo) -> Result<(), String> {
    let server = MockServer::start().await;
    let base_url = format!("{}/api/v1", server.uri());
    Mock::given(method("PATCH"))
        .and(path("/api/v1/todos/17"))
        .and(header("content-type", "application/json"))
        .and(body_json(json!({ "completed": true })))
        .respond_with(ResponseTemplate::new(200).set_body_json(answered(17)))
        .mount(&server)
        .await;

    // The mock only answers the right request, so calling is enough... or is it?
    let _ = complete(&base_url, 17).await;
    Ok(())
}

/// Passes if `complete` reports a 500 as `TodoError::Status(500)`.
pub async fn complete_reports_a_server_error(complete: &CompleteTodo) -> Result<(), String> {
    let server = MockServer::start().await;
    // A 500 whose body *is* a todo: a client that skips the status would decode it and return
    // `Ok`. (With an empty body it would return a decode error instead, and a test that only
    // asks "is it an error?" would let it through.)
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500).set_body_json(answered(17)))
        .mount(&server)
        .await;

    match complete(&server.uri(), 17).await {
        Err(TodoError::Status(status)) if status == 500 => Ok(()),
        other => Err(format!(
            "expected Err(TodoError::Status(500)), got {other:?}"
        )),
    }
}
