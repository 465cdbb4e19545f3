//! Wrong: breaks "exactly one GET per call, no retry whatever the failure": when `send()` fails (refused, dropped, timed out) the request is sent a second time before giving up, so a dropped or slow server sees two GETs and a timeout takes twice as long.

use std::error::Error as _;

use lesson_support::models::User;
use reqwest::{Client, StatusCode};

use crate::UserError;

/// Fetches user `id`, classifying any failure.
pub async fn fetch_user(client: &Client, base_url: &str, id: u64) -> Result<User, UserError> {
    let url = format!("{base_url}/users/{id}");

    // A connection can fail once and work the next time (a restarted server, a dropped
    // keep-alive connection from the pool): one more try before calling it unreachable.
    let response = match client.get(&url).send().await {
        Ok(response) => response,
        Err(_first) => client
            .get(&url)
            .send()
            .await
            .map_err(UserError::Unreachable)?,
    };

    let status = response.status();
    if status == StatusCode::NOT_FOUND {
        return Err(UserError::NotFound(id));
    }
    if status.is_client_error() || status.is_server_error() {
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
