//! Wrong: breaks "`Err(UserError::Unreachable(err))` when no whole answer arrives: the connection is refused or dropped, the client's timeout runs out, or the body stops before its end (cut short or stalled)": it sorts a failed body read by looking for an `std::io::Error` behind reqwest's error ("no whole answer" read as "a network failure", and a network failure read as "an I/O error"), so a body that breaks off (hyper's unexpected end of stream, an I/O error) is `Unreachable`, but a body that stalls until the client's timeout, whose cause is reqwest's own `TimedOut` and no I/O error at all, comes out as `BadBody`.

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

    // The head is enough to settle these two: the body of an error answer is never read.
    let status = response.status();
    if status == StatusCode::NOT_FOUND {
        return Err(UserError::NotFound(id));
    }
    if status.is_client_error() || status.is_server_error() {
        return Err(UserError::Server(status));
    }

    // reqwest 0.13 reports every failure of `json()` as a decode error; what tells them apart
    // is what sits behind it.
    response.json::<User>().await.map_err(|err| {
        if failed_on_the_wire(&err) {
            UserError::Unreachable(err)
        } else {
            UserError::BadBody(err)
        }
    })
}

/// Whether the body was lost in transit: somewhere in the chain of causes behind reqwest's
/// error sits the socket's `io::Error` (a reset, a stream that ended before its length).
/// A body that did arrive and failed to parse has serde's error there instead.
fn failed_on_the_wire(err: &reqwest::Error) -> bool {
    let mut cause = std::error::Error::source(err);
    while let Some(inner) = cause {
        if inner.is::<std::io::Error>() {
            return true;
        }
        cause = std::error::Error::source(inner);
    }
    false
}
