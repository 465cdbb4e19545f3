//! Wrong: breaks "`Err(UserError::BadBody(err))` when a success's body arrived whole but is not a user (not JSON, empty, …)": a `204 No Content` is read as "the server has nothing for this id" and returned as `NotFound(id)` instead of the `BadBody` an empty success body is; every other 2xx, 404, 4xx/5xx and the Unreachable/BadBody split are right.

use lesson_support::models::User;
use reqwest::{Client, StatusCode};

use crate::UserError;

/// Fetches user `id`, classifying any failure.
pub async fn fetch_user(client: &Client, base_url: &str, id: u64) -> Result<User, UserError> {
    let url = format!("{base_url}/users/{id}");
    let response = client
        .get(url)
        .send()
        .await
        .map_err(UserError::Unreachable)?;

    let status = response.status();
    // 404, or 204 No Content (some APIs answer a lookup that found nothing with an empty
    // success): either way there is no such user.
    if status == StatusCode::NOT_FOUND || status == StatusCode::NO_CONTENT {
        return Err(UserError::NotFound(id));
    }
    // Every other 4xx or 5xx, named or not.
    if status.is_client_error() || status.is_server_error() {
        return Err(UserError::Server(status));
    }

    response.json::<User>().await.map_err(|err| {
        // serde_json's error behind reqwest's: the whole body came and it is not a user.
        // Anything else behind it: the body broke off or stalled.
        match std::error::Error::source(&err) {
            Some(cause) if cause.is::<serde_json::Error>() => UserError::BadBody(err),
            _ => UserError::Unreachable(err),
        }
    })
}
