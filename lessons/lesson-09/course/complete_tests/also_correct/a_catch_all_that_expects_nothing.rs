//! Correct, written differently from the solution: two mocks, the right request with
//! `.expect(1)` and a catch-all below it with `.expect(0)`, so that any other request fails the
//! test when the server is verified (`server.verify().await`, here, rather than on drop).

use lesson_support::models::Todo;
use serde_json::json;
use wiremock::matchers::{any, body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::{CompleteTodo, TodoError};

pub async fn complete_sends_one_patch(complete: &CompleteTodo) -> Result<(), String> {
    let server = MockServer::start().await;
    let answered = Todo {
        user_id: 6,
        id: 41,
        title: "call the plumber".to_owned(),
        completed: true,
    };
    Mock::given(method("PATCH"))
        .and(path("/service/todos/41"))
        .and(header("content-type", "application/json"))
        .and(body_json(json!({ "completed": true })))
        .respond_with(ResponseTemplate::new(200).set_body_json(&answered))
        .expect(1)
        .named("the PATCH")
        .mount(&server)
        .await;
    // Mounted second, so it only sees what the first one did not match.
    Mock::given(any())
        .respond_with(ResponseTemplate::new(418))
        .expect(0)
        .named("anything else")
        .mount(&server)
        .await;

    let result = complete(&format!("{}/service", server.uri()), 41).await;
    server.verify().await;

    let todo = result.map_err(|err| format!("expected the server's todo, got: {err}"))?;
    if todo != answered {
        return Err(format!("expected {answered:?}, got {todo:?}"));
    }
    Ok(())
}

pub async fn complete_reports_a_server_error(complete: &CompleteTodo) -> Result<(), String> {
    let server = MockServer::start().await;
    Mock::given(method("PATCH"))
        .respond_with(ResponseTemplate::new(500).set_body_json(json!({
            "userId": 6, "id": 41, "title": "call the plumber", "completed": true
        })))
        .mount(&server)
        .await;

    let result = complete(&server.uri(), 41).await;
    match result {
        Err(TodoError::Status(status)) if status == reqwest::StatusCode::INTERNAL_SERVER_ERROR => {
            Ok(())
        }
        other => Err(format!(
            "expected Err(TodoError::Status(500)), got {other:?}"
        )),
    }
}
