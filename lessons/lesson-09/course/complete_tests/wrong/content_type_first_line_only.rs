//! Wrong: breaks "with the header `Content-Type: application/json`, and no other `Content-Type` line (HTTP allows one: a second, even after the right one, is another content type)"
//! Careful everywhere else: a base URL with a path, a mock that answers the todo only to
//! `PATCH` + the full path + the JSON body `{"completed": true}` (compared as JSON), with
//! `.expect(1)`, exactly one request in the server's log, and the whole todo compared. The
//! content type is judged from the log instead of by a matcher, for a clearer message than
//! wiremock's bare 404, and read the way one reads a header: `headers.get(CONTENT_TYPE)`. But
//! `HeaderMap::get` returns the *first* value of a header only. A client that writes
//! `.json(&body)` and then `.header(CONTENT_TYPE, "text/plain; charset=utf-8")` (reqwest's
//! `header` appends) sends two `Content-Type` lines, the right one first: the test sees only
//! the first one and passes it. A missing or wrong single `Content-Type` is still caught.

use lesson_support::models::Todo;
use reqwest::header::CONTENT_TYPE;
use serde_json::json;
use wiremock::matchers::{any, body_json, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::{CompleteTodo, TodoError};

/// The API's prefix on the mock server.
const PREFIX: &str = "/services/todo";

/// An id no client would hard-code.
const ID: u64 = 2_609;

/// The todo the server answers after the PATCH.
fn answer() -> Todo {
    Todo {
        user_id: 11,
        id: ID,
        title: "bleed the radiators".to_owned(),
        completed: true,
    }
}

/// Passes if `complete` sends one `PATCH {base URL}/todos/{id}` with `{"completed": true}` as
/// JSON, and returns the server's todo.
pub async fn complete_sends_one_patch(complete: &CompleteTodo) -> Result<(), String> {
    let server = MockServer::start().await;
    let base_url = format!("{}{PREFIX}", server.uri());
    let answer = answer();

    Mock::given(method("PATCH"))
        .and(path(format!("{PREFIX}/todos/{ID}")))
        .and(body_json(json!({ "completed": true })))
        .respond_with(ResponseTemplate::new(200).set_body_json(&answer))
        .expect(1)
        .named("the PATCH that completes the todo")
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
    match request
        .headers
        .get(CONTENT_TYPE)
        .map(|value| value.to_str())
    {
        Some(Ok("application/json")) => {}
        Some(Ok(other)) => {
            return Err(format!(
                "expected Content-Type: application/json, got {other}"
            ));
        }
        Some(Err(_)) => return Err("the Content-Type is not text".to_owned()),
        None => return Err("the request has no Content-Type".to_owned()),
    }

    match result {
        Ok(todo) if todo == answer => Ok(()),
        other => Err(format!("expected Ok({answer:?}), got {other:?}")),
    }
    // `server` is dropped here, and the `.expect(1)` checked.
}

/// Passes if `complete` reports a 500 as `TodoError::Status(500)`.
pub async fn complete_reports_a_server_error(complete: &CompleteTodo) -> Result<(), String> {
    let server = MockServer::start().await;
    // The 500 carries a todo: a client that decodes before it reads the status says `Ok`.
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500).set_body_json(answer()))
        .mount(&server)
        .await;

    let result = complete(&server.uri(), ID).await;
    match result {
        Err(TodoError::Status(status)) if status == 500 => Ok(()),
        other => Err(format!("expected Err(Status(500)), got {other:?}")),
    }
}
