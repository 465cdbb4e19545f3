//! Wrong: breaks "`Unreachable` when the connection is dropped or the body stops before its end": every error goes through the lesson's `FailureKind::of`, and only `Timeout | Connect` count as unreachable, so a connection closed before the answer (`Other`) and a body cut short (`Decode`) both become `BadBody`.

use lesson_support::models::User;
use reqwest::{Client, StatusCode};

use crate::{FailureKind, UserError};

/// Turns any reqwest error into the variant the caller acts on, with the lesson's classifier.
fn classify(err: reqwest::Error, id: u64) -> UserError {
    match FailureKind::of(&err) {
        FailureKind::Status(StatusCode::NOT_FOUND) => UserError::NotFound(id),
        FailureKind::Status(status) => UserError::Server(status),
        FailureKind::Timeout | FailureKind::Connect => UserError::Unreachable(err),
        FailureKind::Decode | FailureKind::Other => UserError::BadBody(err),
    }
}

/// Fetches user `id`, classifying any failure.
pub async fn fetch_user(client: &Client, base_url: &str, id: u64) -> Result<User, UserError> {
    client
        .get(format!("{base_url}/users/{id}"))
        .send()
        .await
        .map_err(|err| classify(err, id))?
        .error_for_status()
        .map_err(|err| classify(err, id))?
        .json::<User>()
        .await
        .map_err(|err| classify(err, id))
}
