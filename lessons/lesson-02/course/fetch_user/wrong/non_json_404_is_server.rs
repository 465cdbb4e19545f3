//! Wrong: breaks "`Err(UserError::NotFound(id))`, with the `id` asked for, when the server answers 404, whatever the body"
//!
//! Tells "the API has no such user" from "this URL reaches no API" by the 404's
//! `Content-Type`, read from the head (the body is never read, so nothing waits on it): a 404
//! labelled JSON is the API's own `NotFound(id)`; a 404 labelled HTML or text, or with no
//! label at all, is taken for a proxy's or a web server's "page not found" (a wrong base path),
//! so `Server(404)`. The learner has seen a wrong `--base-url` give an HTML 404 and does not
//! want the caller to conclude that the user does not exist. The mock's 404 is JSON (`{}`),
//! so it passes; a 404 with an HTML page, plain text or an empty body is `Server(404)`.

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
        // The API answers a missing user in JSON; anything else in front of it does not.
        let from_the_api = response
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .is_some_and(|content_type| content_type.contains("json"));
        return Err(if from_the_api {
            UserError::NotFound(id)
        } else {
            UserError::Server(status)
        });
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
