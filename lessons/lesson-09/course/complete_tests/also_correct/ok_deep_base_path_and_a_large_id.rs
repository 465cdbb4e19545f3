//! Correct, written another way: the base URL has a three-segment prefix with a dash (`/tenants/acme-7/api`), the id is above `u32::MAX` and differs from the answer's own `id`, so a client that truncates the id, drops or shortens the prefix, or makes up the id, owner or title of the todo fails; the checks themselves are the usual matchers, count and equality.

use lesson_support::models::Todo;
use serde_json::json;
use wiremock::matchers::{any, body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::{CompleteTodo, TodoError};

/// Larger than any `u32`, so a client that squeezes the id into 32 bits asks for another todo.
const ID: u64 = 4_294_967_311;

/// What the server answers: nothing a client could guess from its own request.
fn answer() -> Todo {
    Todo {
        user_id: 9,
        id: 31,
        title: "repot the basil (again)".to_owned(),
        completed: true,
    }
}

/// Passes if `complete` sends one `PATCH {base URL}/todos/{id}` with `{"completed": true}` as
/// JSON, and returns the server's todo.
pub async fn complete_sends_one_patch(complete: &CompleteTodo) -> Result<(), String> {
    let server = MockServer::start().await;
    let prefix = "/tenants/acme-7/api";
    let base_url = format!("{}{prefix}", server.uri());
    let answer = answer();
    Mock::given(method("PATCH"))
        .and(path(format!("{prefix}/todos/{ID}")))
        .and(header("content-type", "application/json"))
        .and(body_json(json!({ "completed": true })))
        .respond_with(ResponseTemplate::new(200).set_body_json(&answer))
        .expect(1)
        .mount(&server)
        .await;

    let result = complete(&base_url, ID).await;

    let received = server.received_requests().await.unwrap_or_default();
    if received.len() != 1 {
        let seen: Vec<String> = received
            .iter()
            .map(|request| format!("{} {}", request.method, request.url.path()))
            .collect();
        return Err(format!("expected exactly one request, got {seen:?}"));
    }
    match result {
        // The server's todo as it answered it, even though it is not the id asked for:
        // `complete` returns what the server says.
        Ok(todo) if todo == answer => Ok(()),
        other => Err(format!("expected Ok({answer:?}), got {other:?}")),
    }
}

/// Passes if `complete` reports a 500 as `TodoError::Status(500)`.
pub async fn complete_reports_a_server_error(complete: &CompleteTodo) -> Result<(), String> {
    let server = MockServer::start().await;
    // The 500's body is a perfectly good todo: a client that decodes before it looks at the
    // status would return `Ok`.
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500).set_body_json(answer()))
        .mount(&server)
        .await;

    match complete(&format!("{}/tenants/acme-7/api", server.uri()), ID).await {
        Err(TodoError::Status(status)) if status == 500 => Ok(()),
        other => Err(format!("expected Err(Status(500)), got {other:?}")),
    }
}
