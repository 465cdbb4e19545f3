//! Wrong: breaks "that request is `PATCH {base URL}/todos/{id}`": the test answers every request with the todo and then judges the one request it received from the server's log, field by field (path, every `Content-Type` line, the body as JSON, the count, the result), but it compares the method as text with `eq_ignore_ascii_case("PATCH")`, the Python habit of `request.method.upper() == "PATCH"`; HTTP methods are case-sensitive, so a client that sends `patch` (a `Method` parsed from the string `"patch"`, which reqwest sends as it is and which wiremock's `method("PATCH")` would not match) passes.

use lesson_support::models::Todo;
use serde_json::json;
use wiremock::matchers::any;
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
    // Any request gets the todo: what was sent is judged below, from the log.
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_json(&answer))
        .mount(&server)
        .await;

    let result = complete(&base_url, 17).await;

    let received = server.received_requests().await.unwrap_or_default();
    let [request] = received.as_slice() else {
        return Err(format!(
            "expected exactly one request, the server received {}",
            received.len()
        ));
    };
    if !request.method.as_str().eq_ignore_ascii_case("PATCH") {
        return Err(format!("expected a PATCH, got {}", request.method));
    }
    if request.url.path() != "/api/v1/todos/17" {
        return Err(format!(
            "expected the path /api/v1/todos/17, got {}",
            request.url.path()
        ));
    }
    let content_types: Vec<&str> = request
        .headers
        .get_all("content-type")
        .iter()
        .map(|value| value.to_str().unwrap_or("<not text>"))
        .collect();
    if content_types != ["application/json"] {
        return Err(format!(
            "expected one Content-Type: application/json, got {content_types:?}"
        ));
    }
    let body: serde_json::Value = serde_json::from_slice(&request.body)
        .map_err(|err| format!("the body is not JSON: {err}"))?;
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
    // A body that decodes as a todo: a client that reads the body before the status gets `Ok`.
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
    match complete(&server.uri(), 17).await {
        Err(TodoError::Status(status)) if status == 500 => Ok(()),
        other => Err(format!("expected Err(Status(500)), got {other:?}")),
    }
}
