//! Wrong: breaks "a `base_url` that is no URL (`127.0.0.1:3000`, its scheme left out) is an `Err`" and "never a panic": it checks the base URL up front with `Url::parse(base_url).expect(..)`, the tidy habit of validating input first, so a base URL without its scheme panics where `send()` would return the error; everything else is the reference's.

use lesson_support::models::User;
use reqwest::{Client, StatusCode};

use crate::UserError;

/// Fetches user `id`, classifying any failure.
pub async fn fetch_user(client: &Client, base_url: &str, id: u64) -> Result<User, UserError> {
    // Check the input first: a base URL we cannot parse is the caller's bug.
    let _ = reqwest::Url::parse(base_url).expect("the caller passes a valid base URL");
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
        // Reading the body can also fail mid-way (the connection drops, the timeout runs out):
        // that is not a bad body. reqwest 0.13 calls both a decode error (`is_decode()` is true
        // for both); only a body that arrived whole and failed to parse has the JSON parser's
        // error as its source.
        let not_a_user =
            std::error::Error::source(&err).is_some_and(|source| source.is::<serde_json::Error>());
        if not_a_user {
            UserError::BadBody(err)
        } else {
            UserError::Unreachable(err)
        }
    })
}
