//! Broken: writes the JSON text as the body but never says it is JSON. Without
//! `Content-Type: application/json` a JSON server (JSONPlaceholder is one) ignores the body,
//! and the todo stays as it was.

use lesson_support::models::Todo;
use reqwest::Response;
use serde_json::json;

use crate::TodoError;

pub async fn complete(base_url: &str, id: u64) -> Result<Todo, TodoError> {
    let client = super::course_client(base_url).map_err(TodoError::Transport)?;
    let response = client
        .patch(format!("{base_url}/todos/{id}"))
        // `.body(text)` sends bytes and sets no content type; `.json(&value)` sets both.
        .body(json!({ "completed": true }).to_string())
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
