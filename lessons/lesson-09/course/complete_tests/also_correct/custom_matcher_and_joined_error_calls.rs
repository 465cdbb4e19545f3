//! Correct, written another way: the patch test's mock uses one hand-written `wiremock::Match`
//! (`ExactCompletion`) that checks the method, the whole path with no query, that there is
//! exactly one `Content-Type` line and it is `application/json`, and the body parsed and
//! compared whole; anything else gets wiremock's 404, and the log must hold exactly one
//! request. The error test asks two 500s at once, one with a todo as its body and one with no
//! JSON at all, on two servers, joined (`futures::future::join`), so a slow correct client
//! costs the time of one call, not two.

use futures::future::join;
use lesson_support::models::Todo;
use serde_json::{Value, json};
use wiremock::matchers::any;
use wiremock::{Match, Mock, MockServer, Request, ResponseTemplate};

use crate::{CompleteTodo, TodoError};

/// An id no client would guess, and a todo no client could make up.
const ID: u64 = 6_389;

fn answer() -> Todo {
    Todo {
        user_id: 9,
        id: ID,
        title: "sweep the chimney".to_owned(),
        completed: true,
    }
}

/// Matches only `PATCH <path>` (no query), one `Content-Type: application/json`, and the JSON
/// body `{"completed": true}`, however it is written.
struct ExactCompletion {
    path: String,
}

impl Match for ExactCompletion {
    fn matches(&self, request: &Request) -> bool {
        let content_types: Vec<&[u8]> = request
            .headers
            .get_all("content-type")
            .iter()
            .map(|value| value.as_bytes())
            .collect();
        request.method.as_str() == "PATCH"
            && request.url.path() == self.path
            && request.url.query().is_none()
            && content_types == [b"application/json".as_slice()]
            && serde_json::from_slice::<Value>(&request.body)
                .is_ok_and(|body| body == json!({ "completed": true }))
    }
}

/// Passes if `complete` sends one `PATCH {base URL}/todos/{id}` with `{"completed": true}` as
/// JSON, and returns the server's todo.
pub async fn complete_sends_one_patch(complete: &CompleteTodo) -> Result<(), String> {
    let server = MockServer::start().await;
    let base_url = format!("{}/api/v1", server.uri());
    Mock::given(ExactCompletion {
        path: format!("/api/v1/todos/{ID}"),
    })
    .respond_with(ResponseTemplate::new(200).set_body_json(answer()))
    .mount(&server)
    .await;

    let result = complete(&base_url, ID).await;

    let received = server.received_requests().await.unwrap_or_default();
    if received.len() != 1 {
        return Err(format!(
            "expected exactly one request, the server received {}: {:?}",
            received.len(),
            received
                .iter()
                .map(|request| format!("{} {}", request.method, request.url))
                .collect::<Vec<_>>()
        ));
    }
    let expected = ExactCompletion {
        path: format!("/api/v1/todos/{ID}"),
    };
    if !expected.matches(&received[0]) {
        return Err(format!(
            "the request was not the expected PATCH: {} {}",
            received[0].method, received[0].url
        ));
    }
    match result {
        Ok(todo) if todo == answer() => Ok(()),
        other => Err(format!("expected Ok({:?}), got {other:?}", answer())),
    }
}

/// Passes if `complete` reports a 500 as `TodoError::Status(500)`.
pub async fn complete_reports_a_server_error(complete: &CompleteTodo) -> Result<(), String> {
    let with_todo = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500).set_body_json(answer()))
        .mount(&with_todo)
        .await;
    let with_text = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500).set_body_string("internal error"))
        .mount(&with_text)
        .await;

    let todo_uri = with_todo.uri();
    let text_uri = with_text.uri();
    let (after_todo, after_text) = join(complete(&todo_uri, ID), complete(&text_uri, ID)).await;

    for (what, outcome) in [("a todo", after_todo), ("plain text", after_text)] {
        match outcome {
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
