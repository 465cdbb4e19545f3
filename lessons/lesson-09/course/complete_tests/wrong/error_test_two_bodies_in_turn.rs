//! Wrong: breaks "neither fails a correct implementation, … however long it takes within the test's 10 s (await `complete` to its end)"
//! No timeout anywhere, and every call is awaited to its end. But the learner read "whatever
//! the 500's body" as "try more than one body": the error test calls `complete` twice in a
//! row, first against a 500 whose body is a todo (catches a client that decodes before it
//! looks at the status and says `Ok`), then against a 500 whose body is not JSON (catches one
//! that decodes first and says `Decode`). Against a correct implementation that takes 6 s per
//! call, well within the 10 s the contract allows it, the test takes 12 s and blows its own
//! 10 s budget. The patch test is right.

use lesson_support::models::Todo;
use wiremock::matchers::{any, body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::{CompleteTodo, TodoError};

/// An id no client would guess, and a todo no client could make up.
const ID: u64 = 3_761;

fn answer() -> Todo {
    Todo {
        user_id: 5,
        id: ID,
        title: "oil the bike chain".to_owned(),
        completed: true,
    }
}

/// Passes if `complete` sends one `PATCH {base URL}/todos/{id}` with `{"completed": true}` as
/// JSON, and returns the server's todo.
pub async fn complete_sends_one_patch(complete: &CompleteTodo) -> Result<(), String> {
    let server = MockServer::start().await;
    let base_url = format!("{}/api/v1", server.uri());
    Mock::given(method("PATCH"))
        .and(path(format!("/api/v1/todos/{ID}")))
        .and(header("content-type", "application/json"))
        .and(body_json(serde_json::json!({ "completed": true })))
        .respond_with(ResponseTemplate::new(200).set_body_json(answer()))
        .expect(1)
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
    if request.url.query().is_some() {
        return Err(format!("expected no query string, got {}", request.url));
    }
    match result {
        Ok(todo) if todo == answer() => Ok(()),
        other => Err(format!("expected Ok({:?}), got {other:?}", answer())),
    }
}

/// Passes if `complete` reports a 500 as `TodoError::Status(500)`.
pub async fn complete_reports_a_server_error(complete: &CompleteTodo) -> Result<(), String> {
    // "Whatever the 500's body": one 500 that carries a todo, one that carries no JSON at all.
    let todo_body = ResponseTemplate::new(500).set_body_json(answer());
    let text_body = ResponseTemplate::new(500).set_body_string("internal error");
    for (what, template) in [("a todo", todo_body), ("plain text", text_body)] {
        let server = MockServer::start().await;
        Mock::given(any())
            .respond_with(template)
            .mount(&server)
            .await;
        match complete(&server.uri(), ID).await {
            Err(TodoError::Status(status)) if status == 500 => {}
            other => {
                return Err(format!(
                    "a 500 with {what} as its body: expected Err(Status(500)), got {other:?}"
                ));
            }
        }
    }
    Ok(())
}
