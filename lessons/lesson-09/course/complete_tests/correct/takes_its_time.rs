//! Correct, and slower than `TodoClient::complete`: it waits 1.5 s before it sends (as a client
//! on a busy machine, or one whose connection takes long to open, may). The contract gives a
//! test 10 s, so a test must give `complete` the time it takes, not a timeout of its own that a
//! correct client can miss.

use std::time::Duration;

use lesson_support::models::Todo;
use serde_json::json;

use crate::TodoError;

/// How long this client takes before it sends.
pub const SLOWNESS: Duration = Duration::from_millis(1500);

pub async fn complete(base_url: &str, id: u64) -> Result<Todo, TodoError> {
    tokio::time::sleep(SLOWNESS).await;
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
    response.json().await.map_err(TodoError::Decode)
}
