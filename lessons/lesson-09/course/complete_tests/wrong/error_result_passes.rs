//! Wrong: breaks "and unless `complete` returns `Ok` with the todo your server answered, every field of it": the first test only compares the todo when `complete` returns `Ok`, so a client that sends the right PATCH and then returns an `Err` (a `Decode` or `Status` error for the server's 200) passes; a wrong todo is still caught, and the method, prefixed path, content type, JSON body, request count and the error test are right.

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
        user_id: 5,
        id: 31,
        title: "descale the kettle".to_owned(),
        completed: true,
    };
    Mock::given(method("PATCH"))
        .and(path("/api/v1/todos/31"))
        .and(header("content-type", "application/json"))
        .and(body_json(json!({ "completed": true })))
        .respond_with(ResponseTemplate::new(200).set_body_json(&answer))
        .named("PATCH todo 31")
        .expect(1)
        .mount(&server)
        .await;

    let result = complete(base_url.as_str(), 31).await;

    // The request is what this test is about: one PATCH, matched whole by the mock above.
    let received = server.received_requests().await.unwrap_or_default();
    if received.len() != 1 {
        return Err(format!("expected 1 request, got {}", received.len()));
    }
    // And whatever todo comes back must be the server's, not one made up by the client.
    if let Ok(todo) = &result {
        if todo != &answer {
            return Err(format!(
                "complete returned {todo:?}, the server sent {answer:?}"
            ));
        }
    }
    Ok(())
}

/// Passes if `complete` reports a 500 as `TodoError::Status(500)`.
pub async fn complete_reports_a_server_error(complete: &CompleteTodo) -> Result<(), String> {
    let server = MockServer::start().await;
    let body = Todo {
        user_id: 5,
        id: 31,
        title: "descale the kettle".to_owned(),
        completed: true,
    };
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500).set_body_json(&body))
        .mount(&server)
        .await;
    match complete(server.uri().as_str(), 31).await {
        Err(TodoError::Status(status)) if status.as_u16() == 500 => Ok(()),
        other => Err(format!("expected Status(500), got {other:?}")),
    }
}
