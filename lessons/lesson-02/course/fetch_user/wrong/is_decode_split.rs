//! Wrong: breaks "`Unreachable` when the body stops before its end (cut short or stalled)": the body's error is split on `err.is_decode()`, as hints.md Hint 2 literally suggests, but reqwest 0.13 marks every `json()` failure as decode, so a truncated or stalled body comes back as `BadBody`.

use lesson_support::models::User;
use reqwest::{Client, StatusCode};

use crate::UserError;

/// Fetches user `id`, classifying any failure.
pub async fn fetch_user(client: &Client, base_url: &str, id: u64) -> Result<User, UserError> {
    // First moment: no answer at all.
    let response = client
        .get(format!("{base_url}/users/{id}"))
        .send()
        .await
        .map_err(UserError::Unreachable)?;

    // Second moment: the server answered, but with an error status.
    let status = response.status();
    if status == StatusCode::NOT_FOUND {
        return Err(UserError::NotFound(id));
    }
    if status.is_client_error() || status.is_server_error() {
        return Err(UserError::Server(status));
    }

    // Third moment: the body. A decode error means "not a user"; anything else means the
    // connection failed while the body was arriving.
    response.json::<User>().await.map_err(|err| {
        if err.is_decode() {
            UserError::BadBody(err)
        } else {
            UserError::Unreachable(err)
        }
    })
}
