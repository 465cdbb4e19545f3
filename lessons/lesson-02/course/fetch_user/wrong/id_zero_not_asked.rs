//! Wrong: breaks "exactly one GET per call, to `{base_url}/users/{id}`, sent through `client`": for `id` 0 it sends nothing and answers `NotFound(0)` on its own, because JSONPlaceholder numbers its users from 1; a server that has a user 0 (or answers 500 for it) is never asked. Every other id is handled right: one GET, the statuses, and the body classification.

use lesson_support::models::User;
use reqwest::{Client, StatusCode};

use crate::UserError;

/// Fetches user `id`, classifying any failure.
pub async fn fetch_user(client: &Client, base_url: &str, id: u64) -> Result<User, UserError> {
    // Users are numbered from 1: there is no user 0, so there is no point asking the server.
    if id == 0 {
        return Err(UserError::NotFound(id));
    }

    let response = client
        .get(format!("{base_url}/users/{id}"))
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
