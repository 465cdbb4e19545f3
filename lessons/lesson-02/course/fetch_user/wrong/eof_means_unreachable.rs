//! Wrong: breaks "`Err(UserError::BadBody(err))` when a success's body arrived whole but is not a user (not JSON, empty, JSON that the server itself ended too soon, or JSON of another shape)"
//!
//! Sorts the failure of `.json::<User>()` by its cause as the hints say, but one step further:
//! a JSON parser error that is an end-of-input error (`serde_json::Error::is_eof()`) is taken
//! for a body that broke off, so `Unreachable`. The learner reasons that running out of input
//! means the input ran out, and the course's own error report agrees ("the body ends before its
//! JSON does: the answer is empty or was cut short"). A real cut-short or stalled body, a wrong
//! shape and HTML all land where they should; an empty 200, or a 200 whose `Content-Length`
//! is honest but whose JSON stops at `{"id": 1, "na`, comes back as `Unreachable` instead of
//! `BadBody`: the body did arrive whole, and it is the server's JSON that is short.

use lesson_support::models::User;
use reqwest::Client;

use crate::UserError;

/// Fetches user `id`, classifying any failure.
pub async fn fetch_user(client: &Client, base_url: &str, id: u64) -> Result<User, UserError> {
    let response = client
        .get(format!("{base_url}/users/{id}"))
        .send()
        .await
        .map_err(UserError::Unreachable)?;

    let status = response.status();
    if status == reqwest::StatusCode::NOT_FOUND {
        return Err(UserError::NotFound(id));
    }
    if status.is_client_error() || status.is_server_error() {
        return Err(UserError::Server(status));
    }

    response.json::<User>().await.map_err(|err| {
        // The parser refused the bytes, and not because they ran out: the body is not a user.
        // A parser that hit the end of its input is a body that stopped early.
        let refused = std::error::Error::source(&err)
            .and_then(|cause| cause.downcast_ref::<serde_json::Error>())
            .is_some_and(|json| !json.is_eof());
        if refused {
            UserError::BadBody(err)
        } else {
            UserError::Unreachable(err)
        }
    })
}
