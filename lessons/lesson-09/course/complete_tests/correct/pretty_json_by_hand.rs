//! Correct, and written differently from `TodoClient::complete`: the method is named with
//! `client.request(Method::PATCH, …)`, the body is pretty-printed JSON (on three lines) with
//! the header set by hand, and the status is matched on by number.

use lesson_support::models::Todo;
use reqwest::Method;
use reqwest::header::{CONTENT_TYPE, HeaderValue};
use serde_json::json;

use crate::TodoError;

pub async fn complete(base_url: &str, id: u64) -> Result<Todo, TodoError> {
    let client = super::course_client(base_url).map_err(TodoError::Transport)?;
    let body = serde_json::to_string_pretty(&json!({ "completed": true }))
        .expect("a JSON value always serialises");
    let response = client
        .request(
            Method::PATCH,
            format!("{}/todos/{id}", base_url.trim_end_matches('/')),
        )
        .header(CONTENT_TYPE, HeaderValue::from_static("application/json"))
        .body(body)
        .send()
        .await
        .map_err(TodoError::Transport)?;
    match response.status().as_u16() {
        200..=299 => response.json().await.map_err(|err| {
            if err.is_decode() {
                TodoError::Decode(err)
            } else {
                TodoError::Transport(err)
            }
        }),
        _ => Err(TodoError::Status(response.status())),
    }
}
