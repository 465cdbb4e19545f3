//! Broken: sends exactly the right PATCH, then decodes the answer as a list of todos (as the
//! list endpoints answer), so the server's one todo is a `Decode` error: `complete` never
//! returns `Ok`.

use lesson_support::models::Todo;
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
        return Err(TodoError::Status(response.status()));
    }
    let todos: Vec<Todo> = response.json().await.map_err(TodoError::Decode)?;
    todos
        .into_iter()
        .next()
        .ok_or(TodoError::Status(reqwest::StatusCode::NO_CONTENT))
}
