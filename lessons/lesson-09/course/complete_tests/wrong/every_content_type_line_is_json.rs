//! Wrong: breaks "with the header `Content-Type: application/json`, and no other `Content-Type` line (HTTP allows one: a second, even after the right one, is another content type)": the test only checks that every `Content-Type` line is `application/json` (and that there is one), so a client that sends the line twice (`.json(..)` then `.header(CONTENT_TYPE, "application/json")`, which appends) passes; method, full path under `/api/v1`, JSON body, one request, the whole todo and the error test are all checked right.

use lesson_support::models::Todo;
use serde_json::json;
use wiremock::matchers::{any, body_json, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::{CompleteTodo, TodoError};

/// A todo no client could make up: an owner, an id and a title of its own.
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
    // The API lives under a prefix: a client that drops it misses the mock.
    let base_url = format!("{}/api/v1", server.uri());
    let answer = answer();
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

    // The content type: there must be one, and whatever the client put in a `Content-Type`
    // line must be JSON; a second, different content type fails.
    let content_types: Vec<&str> = received[0]
        .headers
        .get_all("content-type")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .collect();
    if content_types.is_empty() {
        return Err("the PATCH has no Content-Type header".to_owned());
    }
    if let Some(other) = content_types
        .iter()
        .find(|content_type| **content_type != "application/json")
    {
        return Err(format!(
            "the PATCH says its body is `{other}`, not `application/json` (all: {content_types:?})"
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
    // A body that decodes as a todo: only a client that reads the status reports an error.
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500).set_body_json(answer()))
        .mount(&server)
        .await;

    match complete(&server.uri(), 17).await {
        Err(TodoError::Status(status)) if status == 500 => Ok(()),
        other => Err(format!("expected Err(Status(500)), got {other:?}")),
    }
}
