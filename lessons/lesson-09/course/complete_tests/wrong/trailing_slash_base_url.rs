//! Wrong: breaks "neither fails a correct implementation, … however it builds its URL … The base URL you give has no trailing `/`"
//! Every check is the careful one: one mock that answers the todo only to `PATCH` + the full
//! path under a base path + `Content-Type: application/json` + the JSON body, `.expect(1)`,
//! exactly one request in the server's log, the whole todo compared, and an exact
//! `Status(500)` against a 500 whose body is a todo. But the learner had read the pitfall about
//! `Url::join` and RFC 3986 (a relative reference replaces the last segment unless the base
//! ends in `/`), and gives the base URL as a directory, `…/api/v1/`, "so that a client that
//! joins `todos/{id}` properly is not failed". The lesson's own `TodoClient` trims the trailing
//! slash, so the test passes it and looks right; but a correct client that writes
//! `format!("{base_url}/todos/{id}")`, or pushes path segments onto the parsed URL, sends
//! `PATCH /api/v1//todos/{id}`, gets wiremock's 404, and is failed.

use lesson_support::models::Todo;
use serde_json::json;
use wiremock::matchers::{any, body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::{CompleteTodo, TodoError};

/// An id no client would hard-code.
const ID: u64 = 738;

/// The todo the server answers after the PATCH: done, with an owner and a title.
fn answer() -> Todo {
    Todo {
        user_id: 5,
        id: ID,
        title: "return the library books".to_owned(),
        completed: true,
    }
}

/// Passes if `complete` sends one `PATCH {base URL}/todos/{id}` with `{"completed": true}` as
/// JSON, and returns the server's todo.
pub async fn complete_sends_one_patch(complete: &CompleteTodo) -> Result<(), String> {
    let server = MockServer::start().await;
    // The API's root, written as a directory: `todos/{id}` resolves below it.
    let base_url = format!("{}/api/v1/", server.uri());
    let answer = answer();

    Mock::given(method("PATCH"))
        .and(path(format!("/api/v1/todos/{ID}")))
        .and(header("content-type", "application/json"))
        .and(body_json(json!({ "completed": true })))
        .respond_with(ResponseTemplate::new(200).set_body_json(&answer))
        .expect(1)
        .named("complete the todo")
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
    // A body that decodes as a todo: only the status can make this an error.
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500).set_body_json(answer()))
        .mount(&server)
        .await;

    match complete(&server.uri(), ID).await {
        Err(TodoError::Status(status)) if status == 500 => Ok(()),
        other => Err(format!("expected Err(Status(500)), got {other:?}")),
    }
}
