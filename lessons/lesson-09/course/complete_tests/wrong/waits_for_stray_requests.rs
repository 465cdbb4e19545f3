//! Wrong: breaks "neither fails a correct implementation, … however long it takes within the test's 10 s (await `complete` to its end)"
//! The checks themselves are the careful ones: a base URL with a path, one mock that answers
//! only `PATCH` + full path + content type + the exact JSON body, `.expect(1)`, one request in
//! the log, the whole todo compared, and an exact `Status(500)` against a 500 whose body is a
//! todo. But the learner worried about a client that fires a second request in the background
//! (a `tokio::spawn`ed "refresh") and returns before it arrives: after `complete` returns, the
//! test waits one more second for stray requests before it reads the log. That second comes
//! out of the test's 10 s: a correct client that takes 9.5 s (within the contract) leaves the
//! test running for 10.5 s, and it fails. A client that takes 8 s still passes.

use std::time::Duration;

use lesson_support::models::Todo;
use serde_json::json;
use wiremock::matchers::{any, body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::{CompleteTodo, TodoError};

/// The id every test completes: not 1, so a client that hard-codes an example id is caught.
const ID: u64 = 41;

/// How long the test waits after `complete` returns for a request sent in the background.
const SETTLE: Duration = Duration::from_secs(1);

/// What the server answers: the todo after the PATCH, with an owner and a title no client
/// could make up.
fn done_todo() -> Todo {
    Todo {
        user_id: 7,
        id: ID,
        title: "oil the bicycle chain".to_owned(),
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
        .mount(&server)
        .await;

    let result = complete(&base_url, ID).await;
    // Give a request the client sent in the background the time to arrive before counting.
    tokio::time::sleep(SETTLE).await;

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
        Err(TodoError::Status(status)) if status == 500 => Ok(()),
        other => Err(format!("expected Err(Status(500)), got {other:?}")),
    }
}
