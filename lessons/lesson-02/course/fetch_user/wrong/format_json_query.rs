//! Wrong: breaks "exactly one GET per call, to `{base_url}/users/{id}`": every request goes to `{base_url}/users/{id}?format=json` (a query string added to ask for JSON, as many APIs want); still one GET through `client`, base path kept, and every status and body classified right.

use lesson_support::models::User;
use reqwest::{Client, StatusCode};

use crate::UserError;

/// Fetches user `id`, classifying any failure.
pub async fn fetch_user(client: &Client, base_url: &str, id: u64) -> Result<User, UserError> {
    let response = client
        .get(format!("{base_url}/users/{id}"))
        // Say which representation we want, so the server never hands back an HTML page.
        .query(&[("format", "json")])
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
