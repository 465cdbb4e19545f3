//! Also correct: a clone of the given client (the same pool), a request built first and sent
//! with `execute`, and the status tested with `if`s.

use lesson_support::models::User;
use reqwest::{Client, StatusCode};

use crate::UserError;

pub async fn fetch_user(client: &Client, base_url: &str, id: u64) -> Result<User, UserError> {
    let client = client.clone();
    let request = client
        .get(format!("{base_url}/users/{id}"))
        .build()
        .map_err(UserError::Unreachable)?;
    let response = client
        .execute(request)
        .await
        .map_err(UserError::Unreachable)?;
    let status = response.status();
    if status == StatusCode::NOT_FOUND {
        Err(UserError::NotFound(id))
    } else if status.is_client_error() || status.is_server_error() {
        Err(UserError::Server(status))
    } else {
        response.json().await.map_err(|err: reqwest::Error| {
            use std::error::Error as _;
            match err.source() {
                Some(source) if source.is::<serde_json::Error>() => UserError::BadBody(err),
                _ => UserError::Unreachable(err),
            }
        })
    }
}
