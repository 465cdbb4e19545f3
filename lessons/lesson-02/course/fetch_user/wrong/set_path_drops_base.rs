//! Wrong: breaks "keep `base_url` whole": the URL is built with `url_mut().set_path("/users/{id}")`, which replaces the base URL's own path, so `http://host/api/v1` asks for `http://host/users/7`.

use std::error::Error as _;

use lesson_support::models::User;
use reqwest::{Client, StatusCode};

use crate::UserError;

/// Fetches user `id`, classifying any failure.
pub async fn fetch_user(client: &Client, base_url: &str, id: u64) -> Result<User, UserError> {
    // Build the request from the base URL and set its path properly, rather than gluing strings.
    let mut request = client
        .get(base_url)
        .build()
        .map_err(UserError::Unreachable)?;
    request.url_mut().set_path(&format!("/users/{id}"));

    let response = client
        .execute(request)
        .await
        .map_err(UserError::Unreachable)?;

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
            UserError::Unreachable(err)
        }
    })
}
