//! Wrong: breaks "with the header `Content-Type: application/json`, and no other `Content-Type` line"
//! Careful everywhere else, the second half of this clause included: the mock matches the
//! method, the full path under a base path and the JSON body, `.expect(1)`, the log holds one
//! request, and that request has exactly one `Content-Type` line. But the learner did not want
//! to fail a client that adds parameters (`application/json; charset=utf-8`), so the content
//! type is matched with `header_regex("content-type", "^application/json")`, anchored at the
//! start only. A prefix is not a media type: a client that labels its PATCH as
//! `application/json-patch+json` (RFC 6902's type, picked by someone who knows PATCH bodies
//! have "patch" types but not which one) sends another content type, and passes.

use lesson_support::models::Todo;
use serde_json::json;
use wiremock::matchers::{any, body_json, header_regex, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::{CompleteTodo, TodoError};

/// The id every test completes: not 1, so a client that hard-codes an example id is caught.
const ID: u64 = 58;

/// What the server answers: the todo after the PATCH, with an owner and a title no client
/// could make up.
fn done_todo() -> Todo {
    Todo {
        user_id: 9,
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
    let answer = done_todo();
    Mock::given(method("PATCH"))
        .and(path(format!("/api/v1/todos/{ID}")))
        // JSON, with or without parameters such as a charset.
        .and(header_regex("content-type", "^application/json"))
        .and(body_json(json!({ "completed": true })))
        .respond_with(ResponseTemplate::new(200).set_body_json(&answer))
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
    // HTTP allows one Content-Type: a second line, even a JSON one, is another content type.
    let content_type_lines = request.headers.get_all("content-type").iter().count();
    if content_type_lines != 1 {
        return Err(format!(
            "expected one Content-Type line, the request had {content_type_lines}"
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
