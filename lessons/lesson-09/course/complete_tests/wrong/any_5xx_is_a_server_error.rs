//! Wrong: breaks "`complete_reports_a_server_error` fails unless `complete` returns exactly `Err(TodoError::Status(500))` (the lesson's `crate::TodoError`) when the server answers 500: not another status"
//! The patch test is the careful one (base URL with a path, one mock matching method, full
//! path, content type and JSON body, `.expect(1)`, one request in the log, the whole todo
//! compared). The error test answers a 500 whose body is a todo, and rejects `Ok`,
//! `Transport`, `Decode` and a 404. But the learner took the test's name at its word, "reports
//! a server error", and did not want to over-specify the number: the guard is
//! `status.is_server_error()`. A client that reports every server-side failure as one status of
//! its own (`Status(502 Bad Gateway)`, or `Status(503)` "the service is down") passes, though
//! the contract asks for exactly `Status(500)`.

use lesson_support::models::Todo;
use serde_json::json;
use wiremock::matchers::{any, body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::{CompleteTodo, TodoError};

/// The id every test completes: not 1, so a client that hard-codes an example id is caught.
const ID: u64 = 23;

/// What the server answers: the todo after the PATCH, with an owner and a title no client
/// could make up.
fn done_todo() -> Todo {
    Todo {
        user_id: 6,
        id: ID,
        title: "repot the lemon tree".to_owned(),
        completed: true,
    }
}

/// Passes if `complete` sends one `PATCH {base URL}/todos/{id}` with `{"completed": true}` as
/// JSON, and returns the server's todo.
pub async fn complete_sends_one_patch(complete: &CompleteTodo) -> Result<(), String> {
    let server = MockServer::start().await;
    let base_url = format!("{}/api/v1", server.uri());
    let answer = done_todo();
    Mock::given(method("PATCH"))
        .and(path(format!("/api/v1/todos/{ID}")))
        .and(header("content-type", "application/json"))
        .and(body_json(json!({ "completed": true })))
        .respond_with(ResponseTemplate::new(200).set_body_json(&answer))
        .expect(1)
        .named("PATCH /api/v1/todos/{id} with {\"completed\": true}")
        .mount(&server)
        .await;

    let result = complete(&base_url, ID).await;

    let received = server.received_requests().await.unwrap_or_default();
    if received.len() != 1 {
        return Err(format!(
            "expected exactly one request, the server received {}",
            received.len()
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
    // A body that decodes as a todo: a client that never looks at the status returns `Ok`.
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500).set_body_json(done_todo()))
        .mount(&server)
        .await;

    match complete(&server.uri(), ID).await {
        Err(TodoError::Status(status)) if status.is_server_error() => Ok(()),
        other => Err(format!("expected a server error status, got {other:?}")),
    }
}
