//! Correct, written another way: no matchers at all (the mock answers `any()` request), and every property is checked by hand on `received_requests()`: the count, the method, the exact path, the one `Content-Type` value, and the body parsed as JSON; the todo has a non-ASCII title, and the error test compares the status with `StatusCode::INTERNAL_SERVER_ERROR` in a `matches!` guard.

use lesson_support::models::Todo;
use reqwest::StatusCode;
use serde_json::{Value, json};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::{CompleteTodo, TodoError};

const ID: u64 = 4096;

fn server_todo() -> Todo {
    Todo {
        user_id: 77,
        id: ID,
        title: "réparer le vélo 🚲 avant dimanche".to_owned(),
        completed: true,
    }
}

/// Passes if `complete` sends one `PATCH {base URL}/todos/{id}` with `{"completed": true}` as
/// JSON, and returns the server's todo.
pub async fn complete_sends_one_patch(complete: &CompleteTodo) -> Result<(), String> {
    let server = MockServer::start().await;
    let answer = server_todo();
    // Answer whatever comes, and judge the request afterwards from the server's log.
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_json(&answer))
        .mount(&server)
        .await;
    let base_url = format!("{}/api/v1", server.uri());

    let result = complete(&base_url, ID).await;

    let log = server
        .received_requests()
        .await
        .ok_or("the server did not record its requests")?;
    let [request] = log.as_slice() else {
        return Err(format!(
            "expected one request, the server got {}",
            log.len()
        ));
    };
    if request.method.as_str() != "PATCH" {
        return Err(format!("expected PATCH, got {}", request.method));
    }
    let want_path = format!("/api/v1/todos/{ID}");
    if request.url.path() != want_path {
        return Err(format!(
            "expected path {want_path}, got {}",
            request.url.path()
        ));
    }
    let content_types: Vec<&[u8]> = request
        .headers
        .get_all("content-type")
        .iter()
        .map(|value| value.as_bytes())
        .collect();
    if content_types != [b"application/json".as_slice()] {
        return Err(format!(
            "expected Content-Type: application/json, got {content_types:?}"
        ));
    }
    let body: Value = serde_json::from_slice(&request.body)
        .map_err(|err| format!("the body is not JSON ({err}): {:?}", request.body))?;
    if body != json!({ "completed": true }) {
        return Err(format!(
            "expected the body {{\"completed\": true}}, got {body}"
        ));
    }

    let todo = result.map_err(|err| format!("expected Ok, got Err({err:?})"))?;
    if todo != answer {
        return Err(format!("expected {answer:?}, got {todo:?}"));
    }
    Ok(())
}

/// Passes if `complete` reports a 500 as `TodoError::Status(500)`.
pub async fn complete_reports_a_server_error(complete: &CompleteTodo) -> Result<(), String> {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500).set_body_json(server_todo()))
        .mount(&server)
        .await;
    let result = complete(&server.uri(), ID).await;
    if matches!(result, Err(TodoError::Status(status)) if status == StatusCode::INTERNAL_SERVER_ERROR)
    {
        Ok(())
    } else {
        Err(format!("expected Err(Status(500)), got {result:?}"))
    }
}
