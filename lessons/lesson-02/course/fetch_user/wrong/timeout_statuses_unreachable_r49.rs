//! Wrong: breaks "`Err(UserError::Server(status))`, with the status as received, for every other error status: any other 4xx (400, 403, 408, 410, 429, …) or 5xx (500, 502, 503, 504, …), whatever the body, and whether or not the status has a standard name (a 599 is a status too)"
//!
//! Sorts the head with `error_for_status()`, then reads the status back out of the error. The
//! learner goes by the variants' docs: `Unreachable` is "the server is down, unreachable, or
//! too slow", and a 408 Request Timeout or a 504 Gateway Timeout says exactly "too slow", so
//! those two become `Unreachable(err)` (the status error reqwest just built, so the caller can
//! still see the code). Every other error status is `Server`, 404 is `NotFound`, the bodies
//! are sorted right: all the usual cases (404, 400, 403, 410, 429, 500, 502, 503, 599) pass.

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

    // `error_for_status` turns every 4xx and 5xx into an `Err` that remembers the status.
    let response = match response.error_for_status() {
        Ok(response) => response,
        Err(err) => {
            return Err(match err.status() {
                Some(StatusCode::NOT_FOUND) => UserError::NotFound(id),
                // The server (or the gateway in front of it) gave up waiting: that is a
                // timeout, the same reaction as our own timeout running out.
                Some(StatusCode::REQUEST_TIMEOUT | StatusCode::GATEWAY_TIMEOUT) => {
                    UserError::Unreachable(err)
                }
                Some(status) => UserError::Server(status),
                None => UserError::Unreachable(err),
            });
        }
    };

    response.json::<User>().await.map_err(|err| {
        let parsed_and_refused =
            std::error::Error::source(&err).is_some_and(|cause| cause.is::<serde_json::Error>());
        if parsed_and_refused {
            UserError::BadBody(err)
        } else {
            UserError::Unreachable(err)
        }
    })
}
