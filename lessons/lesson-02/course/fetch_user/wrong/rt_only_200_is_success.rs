//! Wrong: breaks "`Ok(user)` for any 2xx": only `200 OK` is decoded, so a 201/203 (or any other 2xx) carrying a user comes back as `Err(UserError::Server(201))`.

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

    match response.status() {
        StatusCode::OK => response.json::<User>().await.map_err(|err| {
            // Only a parse failure of a body that arrived whole says "not a user".
            if err
                .source()
                .is_some_and(|source| source.is::<serde_json::Error>())
            {
                UserError::BadBody(err)
            } else {
                UserError::Unreachable(err)
            }
        }),
        StatusCode::NOT_FOUND => Err(UserError::NotFound(id)),
        status => Err(UserError::Server(status)),
    }
}
