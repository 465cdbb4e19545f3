//! Also correct: lets reqwest make the status an error with `error_for_status`, then classifies
//! the one `reqwest::Error` by what it carries.

use lesson_support::models::User;
use reqwest::{Client, StatusCode};

use crate::UserError;

pub async fn fetch_user(client: &Client, base_url: &str, id: u64) -> Result<User, UserError> {
    let classify = |err: reqwest::Error| match err.status() {
        Some(StatusCode::NOT_FOUND) => UserError::NotFound(id),
        Some(status) => UserError::Server(status),
        // Only the JSON parser's error underneath means "the body is not a user".
        None if std::error::Error::source(&err)
            .and_then(|source| source.downcast_ref::<serde_json::Error>())
            .is_some() =>
        {
            UserError::BadBody(err)
        }
        None => UserError::Unreachable(err),
    };
    client
        .get(format!("{base_url}/users/{id}"))
        .send()
        .await
        .and_then(reqwest::Response::error_for_status)
        .map_err(classify)?
        .json::<User>()
        .await
        .map_err(classify)
}
