//! Right: classifies the status through `error_for_status_ref()` and `err.status()`, and walks the whole `source()` chain looking for a `serde_json::Error` to tell a bad body from a broken one.

use std::error::Error;

use lesson_support::models::User;
use reqwest::{Client, StatusCode};

use crate::UserError;

/// Whether a body error comes from parsing bytes that all arrived (rather than from the
/// connection failing while they were arriving).
fn is_parse_failure(err: &reqwest::Error) -> bool {
    let mut cause: Option<&(dyn Error + 'static)> = err.source();
    while let Some(source) = cause {
        if source.is::<serde_json::Error>() {
            return true;
        }
        cause = source.source();
    }
    false
}

/// Fetches user `id`, classifying any failure.
pub async fn fetch_user(client: &Client, base_url: &str, id: u64) -> Result<User, UserError> {
    let url = format!("{base_url}/users/{id}");
    let response = client
        .get(&url)
        .send()
        .await
        .map_err(UserError::Unreachable)?;

    if let Err(err) = response.error_for_status_ref() {
        return Err(match err.status() {
            Some(StatusCode::NOT_FOUND) => UserError::NotFound(id),
            Some(status) => UserError::Server(status),
            // `error_for_status_ref` always sets a status; keep the error rather than panic.
            None => UserError::Unreachable(err),
        });
    }

    let user = response.json::<User>().await.map_err(|err| {
        if is_parse_failure(&err) {
            UserError::BadBody(err)
        } else {
            UserError::Unreachable(err)
        }
    })?;
    Ok(user)
}
