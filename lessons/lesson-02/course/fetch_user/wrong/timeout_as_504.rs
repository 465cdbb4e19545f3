//! Wrong: breaks "`Unreachable(err)` when the client's timeout runs out": a timeout (before the head or while the body stalls) is reported as `Server(504 Gateway Timeout)`, a status the server never sent.

use std::error::Error as _;

use lesson_support::models::User;
use reqwest::{Client, StatusCode};

use crate::UserError;

/// A timeout is the server being too slow: report it the way a gateway in front of it would
/// (504), so that callers treat it like any other server failure and retry later.
fn unreachable_or_timeout(err: reqwest::Error) -> UserError {
    if err.is_timeout() {
        UserError::Server(StatusCode::GATEWAY_TIMEOUT)
    } else {
        UserError::Unreachable(err)
    }
}

/// Fetches user `id`, classifying any failure.
pub async fn fetch_user(client: &Client, base_url: &str, id: u64) -> Result<User, UserError> {
    let response = client
        .get(format!("{base_url}/users/{id}"))
        .send()
        .await
        .map_err(unreachable_or_timeout)?;

    let status = response.status();
    if status == StatusCode::NOT_FOUND {
        return Err(UserError::NotFound(id));
    }
    if status.is_client_error() || status.is_server_error() {
        return Err(UserError::Server(status));
    }

    response.json::<User>().await.map_err(|err| {
        if err
            .source()
            .is_some_and(|source| source.is::<serde_json::Error>())
        {
            UserError::BadBody(err)
        } else {
            unreachable_or_timeout(err)
        }
    })
}
