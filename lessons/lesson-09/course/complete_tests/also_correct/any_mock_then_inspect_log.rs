//! Correct, written another way: no request matchers at all. The server answers the todo to
//! any request (`any()`), and the test then judges the request log by hand: exactly one
//! request, its method, its full path, every `Content-Type` value (split and trimmed the way
//! wiremock's `header` matcher does), and its body parsed as JSON and compared whole; then the
//! value `complete` returned. The error test matches with `if let` instead of `match`.

use lesson_support::models::Todo;
use serde_json::{Value, json};
use wiremock::http::Method;
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::{CompleteTodo, TodoError};

/// The todo the server answers: completed, with an owner and a title no client could invent.
fn answer() -> Todo {
    Todo {
        user_id: 8,
        id: 23,
        title: "repot the basil".to_owned(),
        completed: true,
    }
}

/// Passes if `complete` sends one `PATCH {base URL}/todos/{id}` with `{"completed": true}` as
/// JSON, and returns the server's todo.
pub async fn complete_sends_one_patch(complete: &CompleteTodo) -> Result<(), String> {
    let server = MockServer::start().await;
    let answer = answer();
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_json(&answer))
        .mount(&server)
        .await;
    let base_url = format!("{}/service/v2", server.uri());

    let result = complete(base_url.as_str(), 23).await;

    let received = server
        .received_requests()
        .await
        .ok_or("the server kept no log of its requests")?;
    let [request] = received.as_slice() else {
        return Err(format!(
            "expected exactly one request, the server received {}",
            received.len()
        ));
    };
    if request.method != Method::PATCH {
        return Err(format!("expected a PATCH, got a {}", request.method));
    }
    if request.url.path() != "/service/v2/todos/23" {
        return Err(format!(
            "expected the path /service/v2/todos/23, got {}",
            request.url.path()
        ));
    }
    // Every Content-Type line, and every comma-separated value in them: exactly one, JSON.
    let content_types: Vec<String> = request
        .headers
        .get_all("content-type")
        .iter()
        .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned())
        .flat_map(|line| {
            line.split(',')
                .map(|part| part.trim().to_owned())
                .collect::<Vec<_>>()
        })
        .collect();
    if content_types != ["application/json"] {
        return Err(format!(
            "expected Content-Type: application/json and no other, got {content_types:?}"
        ));
    }
    let body: Value = serde_json::from_slice(&request.body).map_err(|err| {
        format!(
            "the body is not JSON ({err}): {}",
            String::from_utf8_lossy(&request.body)
        )
    })?;
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
    // A body that decodes as a todo: only the status can make this an error.
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500).set_body_json(answer()))
        .mount(&server)
        .await;

    let base_url = server.uri();
    let result = complete(base_url.as_str(), 23).await;
    if let Err(TodoError::Status(status)) = &result {
        if status.as_u16() == 500 {
            return Ok(());
        }
    }
    Err(format!("expected Err(Status(500)), got {result:?}"))
}
