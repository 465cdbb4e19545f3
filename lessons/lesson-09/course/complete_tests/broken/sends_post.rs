//! Broken: sends POST instead of PATCH. On a REST API, POST to an item is not an update: the
//! server answers 404 or 405, or worse, creates something.

use lesson_support::models::Todo;
use reqwest::Response;
use serde_json::json;

use crate::TodoError;

pub async fn complete(base_url: &str, id: u64) -> Result<Todo, TodoError> {
    let client = super::course_client(base_url).map_err(TodoError::Transport)?;
    let response = client
        .post(format!("{base_url}/todos/{id}"))
        .json(&json!({ "completed": true }))
        .send()
        .await
        .map_err(TodoError::Transport)?;
    todo_from(response).await
}

/// The todo in a success's body, or the error status.
async fn todo_from(response: Response) -> Result<Todo, TodoError> {
    let status = response.status();
    if !status.is_success() {
        return Err(TodoError::Status(status));
    }
    response.json().await.map_err(TodoError::Decode)
}
