//! Correct, and written differently from `TodoClient::complete`: the JSON is typed out by hand
//! (with spaces around the colon), an `Accept` header comes along, and the status is checked by
//! hand. A test must pass this too: it should pin down what the contract says, not how one
//! version happens to put its bytes.

use lesson_support::models::Todo;
use reqwest::header::{ACCEPT, CONTENT_TYPE};

use crate::TodoError;

pub async fn complete(base_url: &str, id: u64) -> Result<Todo, TodoError> {
    let client = super::course_client(base_url).map_err(TodoError::Transport)?;
    let response = client
        .patch(format!("{base_url}/todos/{id}"))
        .header(CONTENT_TYPE, "application/json")
        .header(ACCEPT, "application/json")
        .body(r#"{ "completed" : true }"#)
        .send()
        .await
        .map_err(TodoError::Transport)?;
    let status = response.status();
    if status.is_client_error() || status.is_server_error() {
        return Err(TodoError::Status(status));
    }
    response.json().await.map_err(|err| {
        if err.is_decode() {
            TodoError::Decode(err)
        } else {
            TodoError::Transport(err)
        }
    })
}
