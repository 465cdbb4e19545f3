//! Right: no `.expect(1)` at all: the full set of matchers (body written with `body_json_string`, which compares as JSON) plus `received_requests().len() == 1` and a whole-todo comparison cover the count; the base URL is built from `server.address()`, and failures panic with `assert!`/`assert_eq!` instead of returning `Err`.

use lesson_support::models::Todo;
use serde_json::json;
use wiremock::matchers::{any, body_json_string, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::{CompleteTodo, TodoError};

/// Passes if `complete` sends one `PATCH {base URL}/todos/{id}` with `{"completed": true}` as
/// JSON, and returns the server's todo.
pub async fn complete_sends_one_patch(complete: &CompleteTodo) -> Result<(), String> {
    let server = MockServer::start().await;
    let base_url = format!("http://{}/api/v1", server.address());
    let todo = Todo {
        user_id: 6,
        id: 305,
        title: "send the tax return".to_owned(),
        completed: true,
    };
    Mock::given(path("/api/v1/todos/305"))
        .and(method("PATCH"))
        .and(body_json_string(r#"{ "completed" : true }"#))
        .and(header("Content-Type", "application/json"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "title": todo.title,
            "completed": todo.completed,
            "id": todo.id,
            "userId": todo.user_id,
        })))
        .mount(&server)
        .await;

    // A wrong request gets wiremock's 404, so it shows up here as an error.
    let result = complete(&base_url, 305).await;
    let requests = server.received_requests().await.unwrap_or_default();

    assert_eq!(
        requests.len(),
        1,
        "exactly one request, of any kind: {requests:?}"
    );
    match result {
        Ok(returned) => assert_eq!(returned, todo, "the todo the server answered, whole"),
        Err(err) => panic!("complete failed on the right request's answer: {err:?}"),
    }
    Ok(())
}

/// Passes if `complete` reports a 500 as `TodoError::Status(500)`.
pub async fn complete_reports_a_server_error(complete: &CompleteTodo) -> Result<(), String> {
    let server = MockServer::start().await;
    let base_url = format!("http://{}/api/v1", server.address());
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500).set_body_json(json!({
            "userId": 6,
            "id": 305,
            "title": "send the tax return",
            "completed": true,
        })))
        .mount(&server)
        .await;

    let result = complete(&base_url, 305).await;

    assert!(
        matches!(&result, Err(TodoError::Status(status)) if status.as_u16() == 500),
        "a 500 must come back as Err(Status(500)), got {result:?}"
    );
    Ok(())
}
