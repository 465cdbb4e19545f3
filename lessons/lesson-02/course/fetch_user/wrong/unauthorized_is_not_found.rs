//! Wrong: breaks "`Err(UserError::Server(status))`, with the status as received, for every other error status: any other 4xx": a 401 is reported as `NotFound(id)` (a user we may not see is, to the caller, a user that is not there); 403 and every other 4xx and 5xx are still `Server(status)`, and 404, successes and bodies are classified right.

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
    // 404, and 401 too: without credentials the API will not show this user, and for the
    // caller that is the same as "no such user" (GitHub answers 404 for what you may not see).
    // A 403 is different: we are known and refused, so it stays a server answer below.
    if status == StatusCode::NOT_FOUND || status == StatusCode::UNAUTHORIZED {
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
