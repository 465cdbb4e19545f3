//! Wrong: breaks "No retry, whatever the failure: the caller decides whether to try again": when the connection is refused (a connect error that is not a timeout) it waits 100 ms and sends the GET a second time, and only then reports `Unreachable`; every status, body and other failure is still classified as the contract says, and a refused port still ends in `Unreachable`.

use std::time::Duration;

use lesson_support::models::User;
use reqwest::{Client, StatusCode};

use crate::UserError;

/// Fetches user `id`, classifying any failure.
pub async fn fetch_user(client: &Client, base_url: &str, id: u64) -> Result<User, UserError> {
    let url = format!("{base_url}/users/{id}");

    // A refused connection usually means the server is restarting, and nothing was sent, so
    // knocking once more is harmless. A timeout is different (the server is slow): no second try.
    let response = match client.get(&url).send().await {
        Ok(response) => response,
        Err(err) if err.is_connect() && !err.is_timeout() => {
            tokio::time::sleep(Duration::from_millis(100)).await;
            client
                .get(&url)
                .send()
                .await
                .map_err(UserError::Unreachable)?
        }
        Err(err) => return Err(UserError::Unreachable(err)),
    };

    // The head is enough to settle the error statuses; their bodies are never read.
    let status = response.status();
    if status == StatusCode::NOT_FOUND {
        return Err(UserError::NotFound(id));
    }
    if status.is_client_error() || status.is_server_error() {
        return Err(UserError::Server(status));
    }

    // Any other status is a success: decode the body. serde's error behind reqwest's means the
    // body arrived whole and is not a user; anything else means it never arrived whole.
    response.json::<User>().await.map_err(|err| {
        let refused_by_serde =
            std::error::Error::source(&err).is_some_and(|cause| cause.is::<serde_json::Error>());
        if refused_by_serde {
            UserError::BadBody(err)
        } else {
            UserError::Unreachable(err)
        }
    })
}
