//! Correct, written another way: the status is settled by one `match` on its number (`404`, then the range `400..=599`), the body is read with an explicit `match` instead of `map_err`, and the whole `source()` chain is searched for a `serde_json::Error` with `std::iter::successors`.

use std::error::Error as _;

use lesson_support::models::User;
use reqwest::Client;

use crate::UserError;

/// Fetches user `id`, classifying any failure.
pub async fn fetch_user(client: &Client, base_url: &str, id: u64) -> Result<User, UserError> {
    let response = match client.get(format!("{base_url}/users/{id}")).send().await {
        Ok(response) => response,
        Err(err) => return Err(UserError::Unreachable(err)),
    };

    // The head settles every error status; the body of an error answer is never read.
    let status = response.status();
    match status.as_u16() {
        404 => return Err(UserError::NotFound(id)),
        400..=599 => return Err(UserError::Server(status)),
        _ => {}
    }

    let err = match response.json::<User>().await {
        Ok(user) => return Ok(user),
        Err(err) => err,
    };

    // serde_json's error is in the chain only if the whole body arrived and was parsed.
    let parsed = std::iter::successors(err.source(), |&cause| cause.source())
        .any(|cause| cause.is::<serde_json::Error>());
    if parsed {
        Err(UserError::BadBody(err))
    } else {
        Err(UserError::Unreachable(err))
    }
}
