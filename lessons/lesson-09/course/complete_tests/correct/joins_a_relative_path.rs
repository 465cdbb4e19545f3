//! Correct, and written differently from `TodoClient::complete`: the URL comes from
//! `Url::join` with a *relative* path after a trailing `/` (which keeps the base URL's own
//! path), the body from a typed struct, the request is built first and sent with
//! `client.execute`, and `error_for_status` finds the error status.

use lesson_support::models::Todo;
use reqwest::Url;
use serde::Serialize;

use crate::TodoError;

/// The one change this call makes.
#[derive(Serialize)]
struct Change {
    completed: bool,
}

pub async fn complete(base_url: &str, id: u64) -> Result<Todo, TodoError> {
    let client = super::course_client(base_url).map_err(TodoError::Transport)?;
    // `http://host/api/v1/` joined with `todos/17` is `http://host/api/v1/todos/17`; without
    // the trailing `/` the join would replace `v1`.
    let url = Url::parse(&format!("{}/", base_url.trim_end_matches('/')))
        .and_then(|base| base.join(&format!("todos/{id}")))
        .expect("the base URL is a valid URL");
    let request = client
        .patch(url)
        .json(&Change { completed: true })
        .build()
        .map_err(TodoError::Transport)?;
    let response = client
        .execute(request)
        .await
        .map_err(TodoError::Transport)?;
    let response = response
        .error_for_status()
        .map_err(|err| match err.status() {
            Some(status) => TodoError::Status(status),
            None => TodoError::Transport(err),
        })?;
    response.json::<Todo>().await.map_err(|err| {
        if err.is_decode() {
            TodoError::Decode(err)
        } else {
            TodoError::Transport(err)
        }
    })
}
