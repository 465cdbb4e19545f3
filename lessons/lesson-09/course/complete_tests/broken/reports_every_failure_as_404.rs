//! Broken: reports every error status as `TodoError::Status(404)`, on the theory that a todo
//! that cannot be completed must be missing. A 500 (the server failed, try later) then reads as
//! "no such todo" (do not try again).

use lesson_support::models::Todo;
use reqwest::StatusCode;
use serde_json::json;

use crate::TodoError;

pub async fn complete(base_url: &str, id: u64) -> Result<Todo, TodoError> {
    let client = super::course_client(base_url).map_err(TodoError::Transport)?;
    let response = client
        .patch(format!("{base_url}/todos/{id}"))
        .json(&json!({ "completed": true }))
        .send()
        .await
        .map_err(TodoError::Transport)?;
    if !response.status().is_success() {
        return Err(TodoError::Status(StatusCode::NOT_FOUND));
    }
    response.json().await.map_err(TodoError::Decode)
}
