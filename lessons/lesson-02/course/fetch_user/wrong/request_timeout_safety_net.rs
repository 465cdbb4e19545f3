//! Wrong: breaks "`Err(UserError::Unreachable(err))` when no whole answer arrives: the connection is refused or dropped, the client's timeout runs out, or the body stops before its end (cut short or stalled)"
//!
//! Puts the course's own 30-second `REQUEST_TIMEOUT` on the request as a safety net. The
//! learner read in `lesson_support::client` that "reqwest sets no timeout by default: a server
//! that never answers would hang the program forever", and cannot ask a `Client` what timeout
//! it has, so guards against a caller who passes `Client::new()`. But a request's timeout does
//! not add to the client's, it *replaces* it: with a client built with a short timeout, a server
//! slower than that timeout (but quicker than 30 s) now gets its answer through, `Ok(user)`
//! instead of `Unreachable`; a server that never answers is only given up on after 30 s. Every
//! other case (status, body, refused or dropped connection, bad URL) is sorted right.

use lesson_support::client::REQUEST_TIMEOUT;
use lesson_support::models::User;
use reqwest::{Client, StatusCode};

use crate::UserError;

/// Fetches user `id`, classifying any failure.
pub async fn fetch_user(client: &Client, base_url: &str, id: u64) -> Result<User, UserError> {
    let response = client
        .get(format!("{base_url}/users/{id}"))
        // Never hang forever, even if the caller's client was built without a timeout.
        .timeout(REQUEST_TIMEOUT)
        .send()
        .await
        .map_err(UserError::Unreachable)?;

    let status = response.status();
    if status == StatusCode::NOT_FOUND {
        return Err(UserError::NotFound(id));
    }
    if status.is_client_error() || status.is_server_error() {
        return Err(UserError::Server(status));
    }

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
