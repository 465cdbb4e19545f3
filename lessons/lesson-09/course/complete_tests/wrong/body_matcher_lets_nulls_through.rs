//! Wrong: breaks "with the JSON body `{"completed": true}`: `true` the JSON boolean, and no other field (a PATCH changes every field it is sent)": its body matcher ignores fields whose value is `null`, so it passes a client that sends `{"completed": true, "title": null}` (a patch struct without `skip_serializing_if`); it still fails `false`, `"true"`, a whole todo, a form, and checks the method, the prefixed path, the content type, the count and the returned todo, and the error test is right.

use lesson_support::models::Todo;
use serde_json::{Value, json};
use wiremock::matchers::{any, header, method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

use crate::{CompleteTodo, TodoError};

/// The body sets `completed` to `true` and nothing else. A field sent as `null` is an
/// `Option` that was `None`: it sets nothing, so it is not counted as another field.
fn sets_only_completed(request: &Request) -> bool {
    let Ok(Value::Object(fields)) = serde_json::from_slice::<Value>(&request.body) else {
        return false;
    };
    fields.get("completed") == Some(&Value::Bool(true))
        && fields
            .iter()
            .all(|(name, value)| name == "completed" || value.is_null())
}

/// Passes if `complete` sends one `PATCH {base URL}/todos/{id}` with `{"completed": true}` as
/// JSON, and returns the server's todo.
pub async fn complete_sends_one_patch(complete: &CompleteTodo) -> Result<(), String> {
    let server = MockServer::start().await;
    // A base URL with a path, so that a client that drops it goes to the wrong place.
    let base_url = format!("{}/api/v1", server.uri());
    let answer = Todo {
        user_id: 9,
        id: 42,
        title: "sharpen the lawnmower blades".to_owned(),
        completed: true,
    };
    Mock::given(method("PATCH"))
        .and(path("/api/v1/todos/42"))
        .and(header("content-type", "application/json"))
        .and(sets_only_completed)
        .respond_with(ResponseTemplate::new(200).set_body_json(&answer))
        .expect(1)
        .mount(&server)
        .await;

    let result = complete(base_url.as_str(), 42).await;

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
    // A body that decodes as a todo: a client that skips the status check would return Ok.
    let todo = Todo {
        user_id: 9,
        id: 42,
        title: "sharpen the lawnmower blades".to_owned(),
        completed: true,
    };
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500).set_body_json(json!(todo)))
        .mount(&server)
        .await;
    match complete(server.uri().as_str(), 42).await {
        Err(TodoError::Status(status)) if status == 500 => Ok(()),
        other => Err(format!("expected Err(Status(500)), got {other:?}")),
    }
}
