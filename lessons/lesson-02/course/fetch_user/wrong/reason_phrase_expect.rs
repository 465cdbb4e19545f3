//! Wrong: breaks "never a panic": it logs each error status with `canonical_reason().expect(..)`, which is `None` for a status the standard names no reason for (420, 499, 520, 599…), so such a 4xx or 5xx panics instead of becoming `Server(status)`.

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
    if status.is_client_error() || status.is_server_error() {
        // Like aiohttp's `resp.reason`: "503 Service Unavailable" reads better in a log.
        let reason = status
            .canonical_reason()
            .expect("an HTTP error status has a reason phrase");
        eprintln!("user {id}: {} {reason}", status.as_u16());
        if status == StatusCode::NOT_FOUND {
            return Err(UserError::NotFound(id));
        }
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
