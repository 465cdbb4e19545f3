//! Correct, written another way: the success test mounts its exact-match mock with `mount_as_scoped` and no `.expect`, then counts twice by hand: the `MockGuard`'s own `received_requests()` (the requests that matched) must be one, and so must the server's log (every request of any kind).

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
        user_id: 9,
        id: 4021,
        title: "return the library books".to_owned(),
        completed: true,
    };
    let guard = Mock::given(method("PATCH"))
        .and(path("/api/v1/todos/4021"))
        .and(header("content-type", "application/json"))
        .and(body_json(json!({ "completed": true })))
        .respond_with(ResponseTemplate::new(200).set_body_json(&answer))
        .mount_as_scoped(&server)
        .await;

    let result = complete(&base_url, 4021).await;

    let matched = guard.received_requests().await.len();
    let all = server.received_requests().await.unwrap_or_default();
    if matched != 1 || all.len() != 1 {
        return Err(format!(
            "expected exactly one request, the right one; got {} of which {matched} matched",
            all.len()
        ));
    }
    let content_types = all[0].headers.get_all("content-type").iter().count();
    if content_types != 1 {
        return Err(format!(
            "expected one Content-Type line, got {content_types}"
        ));
    }
    drop(guard);

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
