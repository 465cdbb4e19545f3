//! Broken: sends the method as `patch`, in lower case. HTTP methods are case-sensitive
//! (RFC 9110, section 9.1): `patch` is another method than `PATCH`, which a server answers with
//! 405 or 501, or routes nowhere.

use lesson_support::models::Todo;
use reqwest::{Method, Response};
use serde_json::json;

use crate::TodoError;

pub async fn complete(base_url: &str, id: u64) -> Result<Todo, TodoError> {
    let client = super::course_client(base_url).map_err(TodoError::Transport)?;
    let lower_case = Method::from_bytes(b"patch").expect("`patch` is a valid method token");
    let response = client
        .request(lower_case, format!("{base_url}/todos/{id}"))
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
