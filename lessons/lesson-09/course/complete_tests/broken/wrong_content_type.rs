//! Broken: the body is the right JSON text, but it is labelled `Content-Type: text/plain`, so a
//! JSON server does not read it as JSON and the todo stays as it was.

use lesson_support::models::Todo;
use reqwest::Response;
use reqwest::header::CONTENT_TYPE;
use serde_json::json;

use crate::TodoError;

pub async fn complete(base_url: &str, id: u64) -> Result<Todo, TodoError> {
    let client = super::course_client(base_url).map_err(TodoError::Transport)?;
    let response = client
        .patch(format!("{base_url}/todos/{id}"))
        .header(CONTENT_TYPE, "text/plain")
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
