//! Broken: never looks at the status, and decodes whatever body comes back. A 500 whose body
//! happens to be a todo comes back as `Ok`; a 500 with any other body as a decode error, which
//! hides the 500.

use lesson_support::models::Todo;
use serde_json::json;

use crate::TodoError;

pub async fn complete(base_url: &str, id: u64) -> Result<Todo, TodoError> {
    let client = super::course_client(base_url).map_err(TodoError::Transport)?;
    client
        .patch(format!("{base_url}/todos/{id}"))
        .json(&json!({ "completed": true }))
        .send()
        .await
        .map_err(TodoError::Transport)?
        .json()
        .await
        .map_err(TodoError::Decode)
}
