//! Broken: sends the right JSON with `.json()`, which labels it `application/json`, then adds
//! the same `Content-Type: application/json` again with `.header()`, which appends: the request
//! carries two `Content-Type` lines, both the right one, where HTTP allows one.

use lesson_support::models::Todo;
use reqwest::header::CONTENT_TYPE;
use serde_json::json;

use crate::TodoError;

pub async fn complete(base_url: &str, id: u64) -> Result<Todo, TodoError> {
    let client = super::course_client(base_url).map_err(TodoError::Transport)?;
    let response = client
        .patch(format!("{base_url}/todos/{id}"))
        .json(&json!({ "completed": true }))
        .header(CONTENT_TYPE, "application/json")
        .send()
        .await
        .map_err(TodoError::Transport)?;
    if !response.status().is_success() {
        return Err(TodoError::Status(response.status()));
    }
    response.json().await.map_err(TodoError::Decode)
}
