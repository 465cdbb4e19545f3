//! Wrong: breaks "with the header `Content-Type: application/json`, and no other `Content-Type` line (HTTP allows one: a second, even after the right one, is another content type)"
//! The request is judged from the server's log, by hand: one request, `PATCH`, the full path
//! under the base path, no query, the body parsed and compared whole, the whole todo returned.
//! For the content type the learner read "a second … is another content type" as "a second
//! *different* one": it collects the `Content-Type` values into a set and asks for exactly
//! `{"application/json"}`. So a client that sends `application/json` then `text/plain` fails,
//! as it should, but one that sends the same line twice (`.json(&body)` and then
//! `.header(CONTENT_TYPE, "application/json")`, which reqwest *appends*) passes, though it
//! sends two `Content-Type` lines where HTTP allows one. The error test is right.

use std::collections::BTreeSet;

use lesson_support::models::Todo;
use serde_json::{Value, json};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::{CompleteTodo, TodoError};

/// An id no client would guess, and a todo no client could make up.
const ID: u64 = 5_927;

fn answer() -> Todo {
    Todo {
        user_id: 8,
        id: ID,
        title: "descale the kettle".to_owned(),
        completed: true,
    }
}

/// Passes if `complete` sends one `PATCH {base URL}/todos/{id}` with `{"completed": true}` as
/// JSON, and returns the server's todo.
pub async fn complete_sends_one_patch(complete: &CompleteTodo) -> Result<(), String> {
    let server = MockServer::start().await;
    let base_url = format!("{}/api/v1", server.uri());
    // Answer every request with the todo, and judge what arrived from the log.
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_json(answer()))
        .mount(&server)
        .await;

    let result = complete(&base_url, ID).await;

    let received = server.received_requests().await.unwrap_or_default();
    let [request] = received.as_slice() else {
        return Err(format!(
            "expected exactly one request, the server received {}",
            received.len()
        ));
    };
    if request.method.as_str() != "PATCH" {
        return Err(format!("expected PATCH, got {}", request.method));
    }
    let expected_path = format!("/api/v1/todos/{ID}");
    if request.url.path() != expected_path || request.url.query().is_some() {
        return Err(format!("expected {expected_path}, got {}", request.url));
    }
    // One content type, however many times the client repeats it.
    let content_types: BTreeSet<String> = request
        .headers
        .get_all("content-type")
        .iter()
        .map(|value| value.to_str().unwrap_or("<not text>").trim().to_owned())
        .collect();
    let json_only: BTreeSet<String> = ["application/json".to_owned()].into_iter().collect();
    if content_types != json_only {
        return Err(format!(
            "expected Content-Type: application/json, got {content_types:?}"
        ));
    }
    match serde_json::from_slice::<Value>(&request.body) {
        Ok(body) if body == json!({ "completed": true }) => {}
        Ok(body) => return Err(format!("expected {{\"completed\": true}}, got {body}")),
        Err(err) => return Err(format!("the body is not JSON: {err}")),
    }
    match result {
        Ok(todo) if todo == answer() => Ok(()),
        other => Err(format!("expected Ok({:?}), got {other:?}", answer())),
    }
}

/// Passes if `complete` reports a 500 as `TodoError::Status(500)`.
pub async fn complete_reports_a_server_error(complete: &CompleteTodo) -> Result<(), String> {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500).set_body_json(answer()))
        .mount(&server)
        .await;
    match complete(&server.uri(), ID).await {
        Err(TodoError::Status(status)) if status == 500 => Ok(()),
        other => Err(format!("expected Err(Status(500)), got {other:?}")),
    }
}
