//! Broken: sends the change as a form, `completed=true` with
//! `Content-Type: application/x-www-form-urlencoded`, the way aiohttp's `data=` would. The API
//! reads JSON, so the todo stays as it was.

use lesson_support::models::Todo;
use reqwest::Response;
use reqwest::header::CONTENT_TYPE;

use crate::TodoError;

pub async fn complete(base_url: &str, id: u64) -> Result<Todo, TodoError> {
    let client = super::course_client(base_url).map_err(TodoError::Transport)?;
    let response = client
        .patch(format!("{base_url}/todos/{id}"))
        // What `.form(&[("completed", "true")])` sends.
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body("completed=true")
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
