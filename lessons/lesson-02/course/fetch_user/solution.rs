//! Exercise 2, solved: fetch a user, and say precisely what went wrong.

use lesson_support::models::User;
use reqwest::{Client, StatusCode};

use crate::UserError;

/// Fetches user `id`, classifying any failure.
pub async fn fetch_user(client: &Client, base_url: &str, id: u64) -> Result<User, UserError> {
    // No response at all: refused, reset, timed out.
    let response = client
        .get(format!("{base_url}/users/{id}"))
        .send()
        .await
        .map_err(UserError::Unreachable)?;

    // A response, but an error status: decide from the status alone, before reading the body.
    let status = response.status();
    if status == StatusCode::NOT_FOUND {
        return Err(UserError::NotFound(id));
    }
    if status.is_client_error() || status.is_server_error() {
        return Err(UserError::Server(status));
    }

    // A success status: the body should be a user. If it is not, say so.
    response.json::<User>().await.map_err(|err| {
        // Reading the body can also fail mid-way (the connection drops): that is not a bad body.
        if err.is_decode() {
            UserError::BadBody(err)
        } else {
            UserError::Unreachable(err)
        }
    })
}
