//! Broken: sends exactly the right PATCH, then ignores the answer and returns a todo of its own
//! making, marked completed. The caller believes the server said so; the server never did.

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
    Ok(Todo {
        user_id: 0,
        id,
        title: String::new(),
        completed: true,
    })
}
