//! Broken: lets reqwest's `error_for_status()` turn a 500 into an error, then files that error
//! under `TodoError::Transport`, "no answer from the server". The server did answer; a caller
//! that retries on transport errors and reports statuses now does the wrong thing.

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
        .and_then(|response| response.error_for_status())
        .map_err(TodoError::Transport)?
        .json()
        .await
        .map_err(TodoError::Decode)
}
