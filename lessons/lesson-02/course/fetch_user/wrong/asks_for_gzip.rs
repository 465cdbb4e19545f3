//! Wrong: breaks "`Ok(user)` when the answer has a success status (any 2xx) and its body is a user": it sends `Accept-Encoding: gzip, deflate`, as Python's requests does by default, but this reqwest is built without its `gzip` feature and never decompresses, so a server that honours the header (JSONPlaceholder behind its CDN does) sends a compressed user that comes back as `BadBody`. Against a server that ignores the header everything is right: the URL, one GET, every status, and the body classification.

use lesson_support::models::User;
use reqwest::header::{ACCEPT, ACCEPT_ENCODING};
use reqwest::{Client, StatusCode};

use crate::UserError;

/// Fetches user `id`, classifying any failure.
pub async fn fetch_user(client: &Client, base_url: &str, id: u64) -> Result<User, UserError> {
    let response = client
        .get(format!("{base_url}/users/{id}"))
        // The same headers `requests` sends: JSON wanted, and a compressed body saves bandwidth.
        .header(ACCEPT, "application/json")
        .header(ACCEPT_ENCODING, "gzip, deflate")
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
        // serde_json's error behind reqwest's means the whole body came and is not a user;
        // anything else (a connection error, a timeout) means it never came whole.
        let parsed_and_refused =
            std::error::Error::source(&err).is_some_and(|cause| cause.is::<serde_json::Error>());
        if parsed_and_refused {
            UserError::BadBody(err)
        } else {
            UserError::Unreachable(err)
        }
    })
}
