//! Wrong: breaks "`Server(status)` for every other error status, any other 4xx included": only 404 and 5xx are checked, so a 400/403/410/429 falls through to decoding and comes back as `BadBody` (or as `Ok` if its body happens to look like a user).

use std::error::Error as _;

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

    let status = response.status();
    if status == StatusCode::NOT_FOUND {
        // No such user: a wrong id.
        return Err(UserError::NotFound(id));
    }
    if status.is_server_error() {
        // The server failed: worth a retry later.
        return Err(UserError::Server(status));
    }

    response.json::<User>().await.map_err(|err| {
        if err
            .source()
            .is_some_and(|source| source.is::<serde_json::Error>())
        {
            UserError::BadBody(err)
        } else {
            UserError::Unreachable(err)
        }
    })
}
