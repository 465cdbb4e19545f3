//! Correct, written differently from the solution: fails by panicking (`assert!`,
//! `assert_eq!`, `unwrap`) as most Rust tests do, counts with `.expect(1)` plus a check of
//! every request received, and asks for todo 23 under `/v2`.

use lesson_support::models::Todo;
use reqwest::StatusCode;
use serde_json::json;
use wiremock::matchers::{body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::{CompleteTodo, TodoError};

pub async fn complete_sends_one_patch(complete: &CompleteTodo) -> Result<(), String> {
    let server = MockServer::start().await;
    let answered = Todo {
        user_id: 9,
        id: 23,
        title: "water the ferns".to_owned(),
        completed: true,
    };
    Mock::given(method("PATCH"))
        .and(path("/v2/todos/23"))
        .and(header("content-type", "application/json"))
        .and(body_json(json!({ "completed": true })))
        .respond_with(ResponseTemplate::new(200).set_body_json(&answered))
        .expect(1)
        .mount(&server)
        .await;

    let todo = complete(&format!("{}/v2", server.uri()), 23).await.unwrap();

    assert_eq!(todo, answered);
    let received = server.received_requests().await.unwrap();
    assert_eq!(received.len(), 1, "one request, no more");
    Ok(())
}

pub async fn complete_reports_a_server_error(complete: &CompleteTodo) -> Result<(), String> {
    let server = MockServer::start().await;
    let todo = Todo {
        user_id: 9,
        id: 23,
        title: "water the ferns".to_owned(),
        completed: true,
    };
    Mock::given(method("PATCH"))
        .and(path("/todos/23"))
        .respond_with(ResponseTemplate::new(500).set_body_json(&todo))
        .expect(1)
        .mount(&server)
        .await;

    let result = complete(&server.uri(), 23).await;

    assert!(
        matches!(
            result,
            Err(TodoError::Status(StatusCode::INTERNAL_SERVER_ERROR))
        ),
        "expected Err(TodoError::Status(500)), got {result:?}"
    );
    Ok(())
}
