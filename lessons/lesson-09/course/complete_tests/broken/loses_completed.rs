//! Broken: decodes the answer into a struct of its own whose field is `complete`, a name the
//! JSON does not have (it says `completed`). `#[serde(default)]` fills in `false`, and every
//! todo comes back open, whatever the server answered.

use lesson_support::models::Todo;
use serde::Deserialize;
use serde_json::json;

use crate::TodoError;

/// The answer, as this client reads it.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Answer {
    user_id: u64,
    id: u64,
    title: String,
    #[serde(default)]
    complete: bool,
}

pub async fn complete(base_url: &str, id: u64) -> Result<Todo, TodoError> {
    let client = super::course_client(base_url).map_err(TodoError::Transport)?;
    let response = client
        .patch(format!("{base_url}/todos/{id}"))
        .json(&json!({ "completed": true }))
        .send()
        .await
        .map_err(TodoError::Transport)?;
    let status = response.status();
    if !status.is_success() {
        return Err(TodoError::Status(status));
    }
    let answer: Answer = response.json().await.map_err(TodoError::Decode)?;
    Ok(Todo {
        user_id: answer.user_id,
        id: answer.id,
        title: answer.title,
        completed: answer.complete,
    })
}
