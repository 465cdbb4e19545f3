//! Correct, written another way: the whole request is judged by one closure used as a wiremock matcher (method, full path, every `Content-Type` line, the body parsed as JSON), the count comes from the log, and the error test asks for the 500 on the exact request under a prefix, comparing the status with `StatusCode::INTERNAL_SERVER_ERROR`.

use lesson_support::models::Todo;
use reqwest::StatusCode;
use serde_json::{Value, json};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

use crate::{CompleteTodo, TodoError};

const ID: u64 = 23;

/// A todo no client could make up: an owner, a title, an id of its own.
fn answer() -> Todo {
    Todo {
        user_id: 6,
        id: ID,
        title: "repot the basil, then the mint".to_owned(),
        completed: true,
    }
}

/// Whether `request` is exactly the PATCH that completes todo `ID` under `/v2/api`.
fn is_the_patch(request: &Request) -> bool {
    let content_types: Vec<&[u8]> = request
        .headers
        .get_all("content-type")
        .iter()
        .map(|value| value.as_bytes())
        .collect();
    request.method.as_str() == "PATCH"
        && request.url.path() == format!("/v2/api/todos/{ID}")
        && content_types == [b"application/json".as_slice()]
        && serde_json::from_slice::<Value>(&request.body)
            .is_ok_and(|body| body == json!({ "completed": true }))
}

/// Passes if `complete` sends one `PATCH {base URL}/todos/{id}` with `{"completed": true}` as
/// JSON, and returns the server's todo.
pub async fn complete_sends_one_patch(complete: &CompleteTodo) -> Result<(), String> {
    let server = MockServer::start().await;
    let answer = answer();
    Mock::given(|request: &Request| is_the_patch(request))
        .respond_with(ResponseTemplate::new(200).set_body_json(&answer))
        .mount(&server)
        .await;

    let result = complete(&format!("{}/v2/api", server.uri()), ID).await;

    let received = server.received_requests().await.unwrap_or_default();
    let right = received
        .iter()
        .filter(|request| is_the_patch(request))
        .count();
    if received.len() != 1 || right != 1 {
        let seen: Vec<String> = received
            .iter()
            .map(|request| format!("{} {}", request.method, request.url.path()))
            .collect();
        return Err(format!(
            "expected exactly one PATCH /v2/api/todos/{ID} with {{\"completed\": true}} as \
             JSON, the server received {seen:?} ({right} right)"
        ));
    }
    if result.as_ref().ok() != Some(&answer) {
        return Err(format!("expected Ok({answer:?}), got {result:?}"));
    }
    Ok(())
}

/// Passes if `complete` reports a 500 as `TodoError::Status(500)`.
pub async fn complete_reports_a_server_error(complete: &CompleteTodo) -> Result<(), String> {
    let server = MockServer::start().await;
    // The 500 only for the right request, with a body that decodes as a todo; anything else
    // gets wiremock's 404, which a correct client reports as `Status(404)`.
    Mock::given(|request: &Request| is_the_patch(request))
        .respond_with(ResponseTemplate::new(500).set_body_json(answer()))
        .mount(&server)
        .await;
    let result = complete(&format!("{}/v2/api", server.uri()), ID).await;
    match result {
        Err(TodoError::Status(status)) if status == StatusCode::INTERNAL_SERVER_ERROR => Ok(()),
        other => Err(format!("expected Err(Status(500)), got {other:?}")),
    }
}
