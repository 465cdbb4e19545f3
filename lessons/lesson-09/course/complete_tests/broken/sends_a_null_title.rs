//! Broken: sends its change as a struct whose `title` is an `Option` left at `None`, without
//! `#[serde(skip_serializing_if = "Option::is_none")]`, so the body is
//! `{"completed": true, "title": null}`. A PATCH changes every field it is sent: the server
//! would set the title to null.

use lesson_support::models::Todo;
use serde::Serialize;

use crate::TodoError;

/// The fields a change may set; `None` meant "leave it alone", but is sent as `null`.
#[derive(Serialize)]
struct Change {
    completed: bool,
    title: Option<String>,
}

pub async fn complete(base_url: &str, id: u64) -> Result<Todo, TodoError> {
    let client = super::course_client(base_url).map_err(TodoError::Transport)?;
    let change = Change {
        completed: true,
        title: None,
    };
    let response = client
        .patch(format!("{base_url}/todos/{id}"))
        .json(&change)
        .send()
        .await
        .map_err(TodoError::Transport)?;
    if !response.status().is_success() {
        return Err(TodoError::Status(response.status()));
    }
    response.json().await.map_err(TodoError::Decode)
}
