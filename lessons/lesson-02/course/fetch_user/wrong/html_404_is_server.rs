//! Wrong: breaks "`Err(UserError::NotFound(id))`, with the `id` asked for, when the server answers 404, whatever the body": a 404 whose Content-Type is `text/html` is taken for a web server's "no such route" page (a wrong base URL) and reported as `Server(404)`; a 404 with a JSON body, a plain-text body or no body is still `NotFound(id)`, and every other status and body is classified right.

use lesson_support::models::User;
use reqwest::header::CONTENT_TYPE;
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
        // The API says "no such user" in JSON (or with nothing at all). An HTML 404 page is the
        // web server in front of it saying the route does not exist, i.e. the base URL is
        // wrong: that is not a missing user, so report it as the server's status.
        let html_page = response
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .is_some_and(|value| value.trim().to_ascii_lowercase().starts_with("text/html"));
        if html_page {
            return Err(UserError::Server(status));
        }
        return Err(UserError::NotFound(id));
    }
    if status.is_client_error() || status.is_server_error() {
        return Err(UserError::Server(status));
    }

    response.json::<User>().await.map_err(|err| {
        // serde's error behind reqwest's: the whole body came and is not a user.
        let parsed_and_refused =
            std::error::Error::source(&err).is_some_and(|cause| cause.is::<serde_json::Error>());
        if parsed_and_refused {
            UserError::BadBody(err)
        } else {
            UserError::Unreachable(err)
        }
    })
}
