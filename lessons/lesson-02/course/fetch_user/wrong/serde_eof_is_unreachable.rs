//! Wrong: breaks "`BadBody(err)` when a success's body arrived whole but is not a user": it reads serde's `is_eof()` ("EOF while parsing") as "the body broke off", so a whole body that is empty or holds truncated JSON (`{"id": 1, "na`, with a matching content-length) comes back as `Unreachable` instead of `BadBody`.

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
    if status == StatusCode::NOT_FOUND {
        return Err(UserError::NotFound(id));
    }
    if status.is_client_error() || status.is_server_error() {
        return Err(UserError::Server(status));
    }

    response.json::<User>().await.map_err(|err| {
        let json = std::error::Error::source(&err)
            .and_then(|cause| cause.downcast_ref::<serde_json::Error>());
        match json {
            // The JSON stopped in the middle: the rest of the body never came.
            Some(json) if json.is_eof() => UserError::Unreachable(err),
            // The JSON is all there and says something else.
            Some(_) => UserError::BadBody(err),
            // Not even the parser's fault: the connection or the clock gave out.
            None => UserError::Unreachable(err),
        }
    })
}
