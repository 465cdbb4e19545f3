//! Broken: first sends `GET /todos/{id}` "to see the todo before changing it", ignoring what
//! comes back, then the right PATCH. One call, two requests: twice the load on the server, and
//! a GET that the contract does not allow.

use lesson_support::models::Todo;
use reqwest::Response;
use serde_json::json;

use crate::TodoError;

pub async fn complete(base_url: &str, id: u64) -> Result<Todo, TodoError> {
    let client = super::course_client(base_url).map_err(TodoError::Transport)?;
    let url = format!("{base_url}/todos/{id}");
    // Only a look: its answer, or its failure, changes nothing.
    let _before = client.get(&url).send().await;
    let response = client
        .patch(&url)
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
