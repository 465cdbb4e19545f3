//! Broken: builds the URL with `Url::join("/todos/{id}")`. A path that starts with `/` replaces
//! the base URL's whole path, so with a base URL of `http://host/api/v1` the PATCH goes to
//! `http://host/todos/17`, outside the API. Right only when the base URL has no path.

use lesson_support::models::Todo;
use reqwest::{Response, Url};
use serde_json::json;

use crate::TodoError;

pub async fn complete(base_url: &str, id: u64) -> Result<Todo, TodoError> {
    let client = super::course_client(base_url).map_err(TodoError::Transport)?;
    let url = Url::parse(base_url)
        .and_then(|base| base.join(&format!("/todos/{id}")))
        .expect("the base URL is a valid URL");
    let response = client
        .patch(url)
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
