//! Wrong: breaks "`Err(UserError::Unreachable(err))` when no whole answer arrives: ... the body stops before its end (cut short or stalled)": it calls a failed body `Unreachable` only when reqwest's own `Body` error sits behind the decode error, which reqwest adds only when the client has a timeout; with a client that has none (`Client::new()`), a body cut short has hyper's error right behind the decode error and comes back as `BadBody`. Status handling, the URL, one GET, and `BadBody` for a whole body that is not a user are right, and with the course's client (it has a timeout) every case comes out right.

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

    // The head is enough to decide these two: the body of an error answer is never read.
    let status = response.status();
    if status == StatusCode::NOT_FOUND {
        return Err(UserError::NotFound(id));
    }
    if status.is_client_error() || status.is_server_error() {
        return Err(UserError::Server(status));
    }

    response.json::<User>().await.map_err(|err| {
        // Printing `{err:?}` shows the two cases apart: a body that broke off has reqwest's own
        // `Body` error behind the decode error (`kind: Body`, with hyper's or the timeout's
        // error inside it), while bytes that are not a user have serde_json's error there.
        let body_broke_off = std::error::Error::source(&err)
            .and_then(|cause| cause.downcast_ref::<reqwest::Error>())
            .is_some_and(reqwest::Error::is_body);
        if body_broke_off {
            UserError::Unreachable(err)
        } else {
            UserError::BadBody(err)
        }
    })
}
