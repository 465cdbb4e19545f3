//! Correct, written another way: both tests judge `complete`'s result by its `Debug` text, `format!("{result:?}")` compared with `Ok(<the answer's Debug>)` and with `Err(Status(500))` (a `StatusCode` prints as its bare number), instead of matching patterns.

use lesson_support::models::Todo;
use serde_json::json;
use wiremock::matchers::{any, body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::CompleteTodo;

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
    Mock::given(method("PATCH"))
        .and(path("/api/v1/todos/17"))
        .and(header("content-type", "application/json"))
        .and(body_json(json!({ "completed": true })))
        .respond_with(ResponseTemplate::new(200).set_body_json(&answer))
        .expect(1)
        .mount(&server)
        .await;

    // `Todo` derives `Debug`: two todos print the same exactly when every field is the same.
    let got = format!("{:?}", complete(&base_url, 17).await);
    let expected = format!("Ok({answer:?})");

    let received = server.received_requests().await.unwrap_or_default();
    if received.len() != 1 {
        return Err(format!(
            "expected exactly one request, the server received {}",
            received.len()
        ));
    }
    if got == expected {
        Ok(())
    } else {
        Err(format!("expected {expected}, got {got}"))
    }
}

/// Passes if `complete` reports a 500 as `TodoError::Status(500)`.
pub async fn complete_reports_a_server_error(complete: &CompleteTodo) -> Result<(), String> {
    let server = MockServer::start().await;
    let answer = Todo {
        user_id: 4,
        id: 17,
        title: "water the ferns".to_owned(),
        completed: true,
    };
    // A todo as the 500's body, so that decoding before looking at the status gives `Ok`.
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500).set_body_json(&answer))
        .mount(&server)
        .await;

    // `TodoError` derives `Debug`, and a `StatusCode` prints as its number: only
    // `Err(TodoError::Status(500))` prints as this.
    let got = format!("{:?}", complete(&server.uri(), 17).await);
    if got == "Err(Status(500))" {
        Ok(())
    } else {
        Err(format!("expected Err(Status(500)), got {got}"))
    }
}
