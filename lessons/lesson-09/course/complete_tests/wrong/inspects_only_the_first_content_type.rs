//! Wrong: breaks "and no other `Content-Type` line": written as a correct variant (the mock answers every request, and the test decides afterwards from what the server received: method, path, header, body read back as JSON), it reads the content type with `headers.get`, the first line only, so it passes a client that sends `application/json` and then `application/merge-patch+json`; kept as a correct variant until round 34 found that client.

use lesson_support::models::Todo;
use serde_json::{Value, json};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::{CompleteTodo, TodoError};

fn answered(id: u64) -> Todo {
    Todo {
        user_id: 2,
        id,
        title: "return the library books".to_owned(),
        completed: true,
    }
}

pub async fn complete_sends_one_patch(complete: &CompleteTodo) -> Result<(), String> {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_json(answered(5)))
        .mount(&server)
        .await;

    let result = complete(&format!("{}/api", server.uri()), 5).await;

    let received = server
        .received_requests()
        .await
        .ok_or("request recording is off")?;
    let [request] = received.as_slice() else {
        return Err(format!("expected one request, got {}", received.len()));
    };
    if request.method.as_str() != "PATCH" || request.url.path() != "/api/todos/5" {
        return Err(format!(
            "expected PATCH /api/todos/5, got {} {}",
            request.method, request.url
        ));
    }
    let content_type = request
        .headers
        .get("content-type")
        .and_then(|value| value.to_str().ok());
    if content_type != Some("application/json") {
        return Err(format!(
            "expected JSON, the content type was {content_type:?}"
        ));
    }
    let body: Value = serde_json::from_slice(&request.body).map_err(|err| err.to_string())?;
    if body != json!({ "completed": true }) {
        return Err(format!(
            "expected {{\"completed\": true}}, the body was {body}"
        ));
    }
    match result {
        Ok(todo) if todo == answered(5) => Ok(()),
        other => Err(format!("expected the server's todo, got {other:?}")),
    }
}

pub async fn complete_reports_a_server_error(complete: &CompleteTodo) -> Result<(), String> {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500).set_body_json(answered(5)))
        .mount(&server)
        .await;

    match complete(&format!("{}/api", server.uri()), 5).await {
        Err(TodoError::Status(status)) if status.as_u16() == 500 => Ok(()),
        other => Err(format!(
            "expected Err(TodoError::Status(500)), got {other:?}"
        )),
    }
}
