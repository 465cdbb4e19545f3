//! Wrong: breaks "`Err(UserError::BadBody(err))` when a success's body arrived whole but is not a user (not JSON, …)": a 2xx labelled `Content-Type: text/html` is taken for a proxy or maintenance page and returned as `Server(status)` (a 200 reported as a server error) instead of `BadBody`; 2xx JSON and text bodies, 404, 4xx/5xx and cut or stalled bodies are right.

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
        return Err(UserError::NotFound(id));
    }
    if status.is_client_error() || status.is_server_error() {
        return Err(UserError::Server(status));
    }

    // reqwest's json() does not look at Content-Type (the chapter says so), so look ourselves:
    // an HTML page with a 2xx is not the API answering but something in front of it (a proxy's
    // error page, a captive portal, a maintenance page). That is the server side failing.
    let is_html = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| {
            value
                .trim_start()
                .to_ascii_lowercase()
                .starts_with("text/html")
        });
    if is_html {
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
