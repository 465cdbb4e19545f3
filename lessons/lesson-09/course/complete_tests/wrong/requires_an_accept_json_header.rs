//! Wrong: breaks "whatever other headers it adds (`Accept`, `User-Agent`)": the success test's mock also demands `Accept: application/json` (what API docs tell JSON clients to send), so a correct client that sends reqwest's default `Accept: */*`, or none, gets wiremock's 404 and fails; method, path with prefix, content type, body, one request, the returned todo and the error test are all right.

use lesson_support::models::Todo;
use serde_json::json;
use wiremock::matchers::{any, body_json, header, method, path};
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
    // Only the exact right request gets the todo; anything else gets wiremock's 404.
    Mock::given(method("PATCH"))
        .and(path("/api/v1/todos/17"))
        .and(header("content-type", "application/json"))
        .and(body_json(json!({ "completed": true })))
        // A JSON client says so: it asks for JSON back.
        .and(header("accept", "application/json"))
        .respond_with(ResponseTemplate::new(200).set_body_json(&answer))
        .expect(1)
        .mount(&server)
        .await;

    let result = complete(&base_url, 17).await;
    let received = server.received_requests().await.unwrap_or_default();
    let [request] = received.as_slice() else {
        return Err(format!("expected one request, got {}", received.len()));
    };
    let content_types = request.headers.get_all("content-type").iter().count();
    if content_types != 1 {
        return Err(format!(
            "expected one Content-Type line, got {content_types}"
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
    // A 500 whose body is a todo: a client that decodes before it looks at the status
    // would come back with `Ok`.
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
