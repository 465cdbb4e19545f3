//! Correct, written another way: no request log at all. The patch test mounts two mocks: the
//! exact request (`PATCH` + full path under the base path + `Content-Type: application/json` +
//! the JSON body `{"completed": true}`) answering the todo with `.expect(1)`, and below it a
//! catch-all (`any()`, priority 10, so it only gets what the first one does not match)
//! answering 404 with `.expect(0)`. Every request matches one of the two, so "exactly one
//! request, and it is the right one" is the two expectations, checked when the server is
//! dropped. The result is taken apart with `?` and compared whole; the error test uses
//! `matches!` on a reference with a guard against `StatusCode::INTERNAL_SERVER_ERROR`.

use lesson_support::models::Todo;
use reqwest::StatusCode;
use serde_json::json;
use wiremock::matchers::{any, body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::{CompleteTodo, TodoError};

/// Where the API lives on the mock server: a prefix the client must keep.
const PREFIX: &str = "/svc/todo-api";

/// The id both tests complete.
const ID: u64 = 314;

/// The todo the server answers, after the PATCH.
fn completed_todo() -> Todo {
    Todo {
        user_id: 12,
        id: ID,
        title: "sharpen the kitchen knives".to_owned(),
        completed: true,
    }
}

/// Passes if `complete` sends one `PATCH {base URL}/todos/{id}` with `{"completed": true}` as
/// JSON, and returns the server's todo.
pub async fn complete_sends_one_patch(complete: &CompleteTodo) -> Result<(), String> {
    let server = MockServer::start().await;
    let answer = completed_todo();

    Mock::given(method("PATCH"))
        .and(path(format!("{PREFIX}/todos/{ID}")))
        .and(header("content-type", "application/json"))
        .and(body_json(json!({ "completed": true })))
        .respond_with(ResponseTemplate::new(200).set_body_json(&answer))
        .expect(1)
        .named("the one right PATCH")
        .mount(&server)
        .await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(404))
        .with_priority(10)
        .expect(0)
        .named("any other request")
        .mount(&server)
        .await;

    let base_url = format!("{}{PREFIX}", server.uri());
    let todo = complete(&base_url, ID)
        .await
        .map_err(|err| format!("expected the server's todo, got Err({err:?})"))?;
    if todo != answer {
        return Err(format!("expected {answer:?}, got {todo:?}"));
    }
    // `server` is dropped here: both expectations are checked, and a miss panics.
    Ok(())
}

/// Passes if `complete` reports a 500 as `TodoError::Status(500)`.
pub async fn complete_reports_a_server_error(complete: &CompleteTodo) -> Result<(), String> {
    let server = MockServer::start().await;
    // The 500's body is a todo: only a client that reads the status first reports it.
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500).set_body_json(completed_todo()))
        .mount(&server)
        .await;

    let result = complete(&server.uri(), ID).await;
    if matches!(&result, Err(TodoError::Status(status)) if *status == StatusCode::INTERNAL_SERVER_ERROR)
    {
        Ok(())
    } else {
        Err(format!("expected Err(Status(500)), got {result:?}"))
    }
}
