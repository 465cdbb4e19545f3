//! Correct, written another way: lets `error_for_status` find the error statuses and reads the status back from its error (`err.status()`) to choose `NotFound` or `Server`, then walks the whole `source()` chain of a failed `.json()` with `std::iter::successors` looking for a `serde_json::Error`.

use std::error::Error as _;

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

    // `error_for_status` already knows which statuses are errors (every 4xx and 5xx), and its
    // error carries the status it saw.
    let response = response
        .error_for_status()
        .map_err(|err| match err.status() {
            Some(StatusCode::NOT_FOUND) => UserError::NotFound(id),
            Some(status) => UserError::Server(status),
            None => UserError::Unreachable(err),
        })?;

    response.json::<User>().await.map_err(|err| {
        // Somewhere in the chain of causes, a JSON parser's error means the bytes all arrived
        // and did not make a user. Without one, the body itself never arrived whole.
        let refused_by_parser = std::iter::successors(err.source(), |&cause| cause.source())
            .any(|cause| cause.is::<serde_json::Error>());
        if refused_by_parser {
            UserError::BadBody(err)
        } else {
            UserError::Unreachable(err)
        }
    })
}
