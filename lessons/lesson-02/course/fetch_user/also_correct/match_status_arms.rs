//! Right: one `match` on the status with guards (`is_success`, `NOT_FOUND`, other errors), explicit `match` on `send()`, and the body's error told apart by a direct `source()` that is a `serde_json::Error`.

use std::error::Error as _;

use lesson_support::models::User;
use reqwest::{Client, StatusCode};

use crate::UserError;

/// Fetches user `id`, classifying any failure.
pub async fn fetch_user(client: &Client, base_url: &str, id: u64) -> Result<User, UserError> {
    let response = match client.get(format!("{base_url}/users/{id}")).send().await {
        Ok(response) => response,
        Err(err) => return Err(UserError::Unreachable(err)),
    };

    match response.status() {
        status if status.is_success() => {}
        StatusCode::NOT_FOUND => return Err(UserError::NotFound(id)),
        status if status.is_client_error() || status.is_server_error() => {
            return Err(UserError::Server(status));
        }
        // 1xx and 3xx are not errors: let the body decide.
        _ => {}
    }

    match response.json::<User>().await {
        Ok(user) => Ok(user),
        Err(err) => {
            let arrived_but_not_a_user = err
                .source()
                .is_some_and(|source| source.is::<serde_json::Error>());
            if arrived_but_not_a_user {
                Err(UserError::BadBody(err))
            } else {
                Err(UserError::Unreachable(err))
            }
        }
    }
}
