//! Wrong: breaks "not another status, not `Transport` or `Decode`, and not `Ok`": the error test lists the wrong outcomes it can think of (`Ok`, another status, `Decode`) and lets `Transport` pass, taking it for the server hanging up after its 500, so a client that files every failure, status included, under `Transport` (`error_for_status()` mapped with `TodoError::Transport`) passes; the success test and the 500's todo body are all right.

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
        Err(TodoError::Status(status)) => {
            Err(format!("expected Status(500), got Status({status})"))
        }
        Err(TodoError::Decode(err)) => Err(format!("the 500's body was decoded: {err}")),
        Ok(todo) => Err(format!("a 500 came back as Ok({todo:?})")),
        // A server that answers 500 may well close the connection too: that is the server's
        // doing, not the client's, so it is no reason to fail.
        Err(TodoError::Transport(_)) => Ok(()),
    }
}
