//! Correct, written another way: the mock matches only method and path, and the request log does the rest: every `Content-Type` line with `get_all`, and the body decoded into a struct with `#[serde(deny_unknown_fields)]` and a `bool` field (so `"true"`, `null`, a missing or an extra field all fail); the error test uses a raw JSON body and `let ... else` with `StatusCode::INTERNAL_SERVER_ERROR`.

use lesson_support::models::Todo;
use reqwest::StatusCode;
use serde::Deserialize;
use wiremock::matchers::{any, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::{CompleteTodo, TodoError};

/// The one body a completing PATCH may send: `completed`, a JSON boolean, and nothing else.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CompletePatch {
    completed: bool,
}

/// Passes if `complete` sends one `PATCH {base URL}/todos/{id}` with `{"completed": true}` as
/// JSON, and returns the server's todo.
pub async fn complete_sends_one_patch(complete: &CompleteTodo) -> Result<(), String> {
    let server = MockServer::start().await;
    let base_url = format!("{}/api/v1", server.uri());
    let answer = Todo {
        user_id: 9,
        id: 23,
        title: "repot the cactus".to_owned(),
        completed: true,
    };
    // Only PATCH to the full path gets the todo; anything else gets wiremock's empty 404.
    Mock::given(method("PATCH"))
        .and(path("/api/v1/todos/23"))
        .respond_with(ResponseTemplate::new(200).set_body_json(&answer))
        .mount(&server)
        .await;

    let result = complete(&base_url, 23).await;

    let received = server
        .received_requests()
        .await
        .ok_or("request recording is off")?;
    let [request] = received.as_slice() else {
        return Err(format!("expected one request, got {}", received.len()));
    };
    if request.method.as_str() != "PATCH" || request.url.path() != "/api/v1/todos/23" {
        return Err(format!(
            "unexpected request {} {}",
            request.method, request.url
        ));
    }

    // Every Content-Type line, not only the first one.
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

    let patch: CompletePatch = serde_json::from_slice(&request.body).map_err(|err| {
        format!(
            "the body is not {{\"completed\": <bool>}}: {err}: {}",
            String::from_utf8_lossy(&request.body)
        )
    })?;
    if !patch.completed {
        return Err(format!("expected completed: true, got {patch:?}"));
    }

    match result {
        Ok(todo) if todo == answer => Ok(()),
        other => Err(format!("expected Ok({answer:?}), got {other:?}")),
    }
}

/// Passes if `complete` reports a 500 as `TodoError::Status(500)`.
pub async fn complete_reports_a_server_error(complete: &CompleteTodo) -> Result<(), String> {
    let server = MockServer::start().await;
    // A body that decodes as a todo, sent as raw JSON bytes: only the status says "failed".
    let todo_json = r#"{"userId": 9, "id": 23, "title": "repot the cactus", "completed": true}"#;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500).set_body_raw(todo_json, "application/json"))
        .mount(&server)
        .await;

    let result = complete(&server.uri(), 23).await;
    let Err(TodoError::Status(status)) = &result else {
        return Err(format!("expected Err(Status(500)), got {result:?}"));
    };
    if *status != StatusCode::INTERNAL_SERVER_ERROR {
        return Err(format!("expected Status(500), got Status({status})"));
    }
    Ok(())
}
