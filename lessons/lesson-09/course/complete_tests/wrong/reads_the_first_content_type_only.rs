//! Wrong: breaks "and no other `Content-Type` line (HTTP allows one: a second, even after the right one, is another content type)": the content type is checked in the request log with `headers.get("content-type")`, as the chapter's scenario prints it, and `HeaderMap::get` returns only the first line, so a client that sends `application/json` and then a second `Content-Type` passes; method, full path with the base path, exact JSON body, one request, the returned todo and the error test are all checked properly.

use lesson_support::models::Todo;
use serde_json::json;
use wiremock::matchers::{body_json, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::{CompleteTodo, TodoError};

/// Passes if `complete` sends one `PATCH {base URL}/todos/{id}` with `{"completed": true}` as
/// JSON, and returns the server's todo.
pub async fn complete_sends_one_patch(complete: &CompleteTodo) -> Result<(), String> {
    let server = MockServer::start().await;
    // An API under a prefix: a client that drops it sends to the wrong path.
    let base_url = format!("{}/api/v1", server.uri());
    let answer = Todo {
        user_id: 4,
        id: 17,
        title: "water the ferns".to_owned(),
        completed: true,
    };
    Mock::given(method("PATCH"))
        .and(path("/api/v1/todos/17"))
        .and(body_json(json!({ "completed": true })))
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
    // The content type, read from the log the way the lesson's scenario reads it.
    let content_type = received[0]
        .headers
        .get("content-type")
        .and_then(|value| value.to_str().ok());
    if content_type != Some("application/json") {
        return Err(format!(
            "expected Content-Type: application/json, got {content_type:?}"
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
    // A 500 whose body is a todo: a client that never looks at the status would decode it.
    let answer = Todo {
        user_id: 4,
        id: 17,
        title: "water the ferns".to_owned(),
        completed: true,
    };
    Mock::given(wiremock::matchers::any())
        .respond_with(ResponseTemplate::new(500).set_body_json(&answer))
        .mount(&server)
        .await;

    match complete(&server.uri(), 17).await {
        Err(TodoError::Status(status)) if status == 500 => Ok(()),
        other => Err(format!("expected Err(Status(500)), got {other:?}")),
    }
}
