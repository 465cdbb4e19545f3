//! Wrong: breaks "`Err(UserError::Unreachable(err))` when no whole answer arrives: ... the client's timeout runs out": it sets its own 5 s `.timeout()` on the request, which replaces the client's, so a server slower than the client's timeout but faster than 5 s gives `Ok(user)`, and a stalled one is reported only after 5 s; one GET, through `client`, and the status and body classification are right.

use std::time::Duration;

use lesson_support::models::User;
use reqwest::{Client, StatusCode};

use crate::UserError;

/// How long one user may take. Like `requests.get(url, timeout=5)`: never wait forever on a
/// server that does not answer.
const USER_TIMEOUT: Duration = Duration::from_secs(5);

/// Fetches user `id`, classifying any failure.
pub async fn fetch_user(client: &Client, base_url: &str, id: u64) -> Result<User, UserError> {
    let response = client
        .get(format!("{base_url}/users/{id}"))
        .timeout(USER_TIMEOUT)
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
        // serde_json's error behind reqwest's: the whole body came and is not a user.
        // Anything else behind it (a broken connection, the timeout): no whole answer.
        let parsed_and_refused =
            std::error::Error::source(&err).is_some_and(|cause| cause.is::<serde_json::Error>());
        if parsed_and_refused {
            UserError::BadBody(err)
        } else {
            UserError::Unreachable(err)
        }
    })
}
