//! Correct, written another way: no matchers at all; one `any()` mock whose responder is a closure that inspects each request (method, full path, every `Content-Type` line, the body as JSON) and answers the todo only to the right PATCH, a 422 to anything else; the test then requires exactly one request in the log, that request to pass the same inspection, and the returned todo to equal the answer.

use lesson_support::models::Todo;
use serde_json::{Value, json};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

use crate::{CompleteTodo, TodoError};

/// Whether `request` is `PATCH {path}` with one `Content-Type: application/json` line and the
/// JSON body `{"completed": true}`, and nothing else in it.
fn is_the_completing_patch(request: &Request, expected_path: &str) -> bool {
    let content_types: Vec<_> = request.headers.get_all("content-type").iter().collect();
    request.method.as_str() == "PATCH"
        && request.url.path() == expected_path
        && content_types.len() == 1
        && content_types[0].as_bytes() == b"application/json"
        && serde_json::from_slice::<Value>(&request.body)
            .is_ok_and(|body| body == json!({ "completed": true }))
}

/// Passes if `complete` sends one `PATCH {base URL}/todos/{id}` with `{"completed": true}` as
/// JSON, and returns the server's todo.
pub async fn complete_sends_one_patch(complete: &CompleteTodo) -> Result<(), String> {
    let server = MockServer::start().await;
    let base_url = format!("{}/v2/lists", server.uri());
    let id = 38;
    let expected_path = format!("/v2/lists/todos/{id}");
    let answer = Todo {
        user_id: 6,
        id,
        title: "repot the basil".to_owned(),
        completed: true,
    };

    let reply = answer.clone();
    let judged_path = expected_path.clone();
    Mock::given(any())
        .respond_with(move |request: &Request| {
            if is_the_completing_patch(request, &judged_path) {
                ResponseTemplate::new(200).set_body_json(&reply)
            } else {
                ResponseTemplate::new(422)
            }
        })
        .mount(&server)
        .await;

    let result = complete(base_url.as_str(), id).await;

    let received = server.received_requests().await.unwrap_or_default();
    let [only] = received.as_slice() else {
        return Err(format!(
            "expected exactly one request, the server received {}",
            received.len()
        ));
    };
    if !is_the_completing_patch(only, &expected_path) {
        return Err(format!(
            "expected PATCH {expected_path} with one JSON content type and {{\"completed\": true}}, got {} {} {:?}",
            only.method,
            only.url.path(),
            String::from_utf8_lossy(&only.body)
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
    let base_url = format!("{}/v2/lists", server.uri());
    let answer = Todo {
        user_id: 6,
        id: 38,
        title: "repot the basil".to_owned(),
        completed: true,
    };
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500).set_body_json(&answer))
        .mount(&server)
        .await;

    let outcome = complete(base_url.as_str(), 38).await;
    if matches!(&outcome, Err(TodoError::Status(status)) if *status == 500) {
        return Ok(());
    }
    Err(format!("expected Err(Status(500)), got {outcome:?}"))
}
