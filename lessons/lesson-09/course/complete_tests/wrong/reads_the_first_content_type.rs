//! Wrong: breaks "with the header `Content-Type: application/json`": it reads the header from the server's log with `HeaderMap::get`, which returns only the first `Content-Type` line, so a client that calls `.json(..)` and then `.header(CONTENT_TYPE, "application/merge-patch+json")` (reqwest's `header` appends: both lines go out, and the server may well take the second) passes; the method, the full path with its prefix, the exact JSON body, the one request, the returned todo and the whole error test are checked as they should be.

use lesson_support::models::Todo;
use serde_json::{Value, json};
use wiremock::matchers::{any, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::{CompleteTodo, TodoError};

/// A todo no client could make up: an owner, a title, an id of its own.
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
    // An API under a prefix: a client that drops it asks for the wrong path.
    let base_url = format!("{}/api/v1", server.uri());
    let answer = answer();
    // The todo answers only a PATCH of the full path; the headers and the body are checked
    // below, from what the server received, to give a clear message for each.
    Mock::given(method("PATCH"))
        .and(path("/api/v1/todos/17"))
        .respond_with(ResponseTemplate::new(200).set_body_json(&answer))
        .expect(1)
        .mount(&server)
        .await;

    let result = complete(&base_url, 17).await;

    let received = server.received_requests().await.unwrap_or_default();
    if received.len() != 1 {
        return Err(format!(
            "expected exactly one request, the server received {}",
            received.len()
        ));
    }
    let request = &received[0];
    let content_type = request
        .headers
        .get("content-type")
        .and_then(|value| value.to_str().ok());
    if content_type != Some("application/json") {
        return Err(format!(
            "expected Content-Type: application/json, got {content_type:?}"
        ));
    }
    let body: Value = serde_json::from_slice(&request.body)
        .map_err(|err| format!("the request's body is not JSON: {err}"))?;
    if body != json!({ "completed": true }) {
        return Err(format!(
            "expected the body {{\"completed\": true}}, got {body}"
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
    // A 500 whose body is a todo: a client that decodes before it looks at the status would
    // return `Ok` here.
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500).set_body_json(answer()))
        .mount(&server)
        .await;
    match complete(&server.uri(), 17).await {
        Err(TodoError::Status(status)) if status == 500 => Ok(()),
        other => Err(format!("expected Err(Status(500)), got {other:?}")),
    }
}
