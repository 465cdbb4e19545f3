//! Wrong: breaks "`Err(UserError::NotFound(id))`, with the `id` asked for, when the server answers 404, whatever the body" (and "whatever the body" of the `Server` clause): it decodes the body first and returns `Ok(user)` whenever it is a user, looking at the status only when decoding fails, so a 404 or a 500 whose body happens to be a user is a success; error statuses with any other body, successes, and broken or refused bodies are all classified right.

use lesson_support::models::User;
use reqwest::{Client, StatusCode};

use crate::UserError;

/// Fetches user `id`, classifying any failure.
pub async fn fetch_user(client: &Client, base_url: &str, id: u64) -> Result<User, UserError> {
    let response = client
        .get(format!("{base_url}/users/{id}"))
        .send()
        .await
        .map_err(UserError::Unreachable)?;

    // Keep the status: `json()` consumes the response.
    let status = response.status();

    // Try the body first. If it is a user, there is nothing to explain; only when it is not do
    // we need the status to say why.
    match response.json::<User>().await {
        Ok(user) => Ok(user),
        Err(_) if status == StatusCode::NOT_FOUND => Err(UserError::NotFound(id)),
        Err(_) if status.is_client_error() || status.is_server_error() => {
            Err(UserError::Server(status))
        }
        Err(err) => {
            // A success whose body failed: serde's error behind reqwest's means the body came
            // whole and is not a user; anything else means it broke off or stalled.
            let parsed_and_refused = std::error::Error::source(&err)
                .is_some_and(|cause| cause.is::<serde_json::Error>());
            if parsed_and_refused {
                Err(UserError::BadBody(err))
            } else {
                Err(UserError::Unreachable(err))
            }
        }
    }
}
