//! Correct, and written differently from `TodoClient::complete`: its client is reqwest's own,
//! built without the course's settings, so it sends no `User-Agent` header at all (reqwest adds
//! none unless asked). The contract names no `User-Agent`, so a test must not require one.

use lesson_support::models::Todo;
use serde_json::json;

use crate::TodoError;

pub async fn complete(base_url: &str, id: u64) -> Result<Todo, TodoError> {
    // reqwest's TLS needs a crypto provider installed once per process, as the course's own
    // client does for itself.
    lesson_support::client::install_tls_provider();
    // `no_proxy`: the checks' servers are on this machine, whatever `HTTP_PROXY` says; no TLS
    // roots, as for the course's own clients in the checks (plain HTTP to 127.0.0.1 only).
    let client = reqwest::Client::builder()
        .no_proxy()
        .tls_certs_only([])
        .build()
        .map_err(TodoError::Transport)?;
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
