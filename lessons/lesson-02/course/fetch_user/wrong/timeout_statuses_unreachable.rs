//! Wrong: breaks "`Server(status)` … for every other error status": a 408 Request Timeout or a 504 Gateway Timeout is taken for "no answer in time" and returned as `Unreachable(err)` (the status error from `error_for_status`), not as `Server(408)` / `Server(504)`.

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
        return Err(UserError::NotFound(id));
    }
    // A timeout is a timeout, whether our client or a gateway on the way ran out of time:
    // the caller reacts the same way (the server could not be reached in time).
    let timed_out = status == StatusCode::REQUEST_TIMEOUT || status == StatusCode::GATEWAY_TIMEOUT;
    match response.error_for_status_ref() {
        Err(err) if timed_out => return Err(UserError::Unreachable(err)),
        _ => {}
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
