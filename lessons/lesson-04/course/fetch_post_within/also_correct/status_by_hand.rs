//! Right: decides the error status by hand from the response head (404 as `NotFound`, any other 4xx or 5xx as `Status`, both with the response's URL and without touching the body) instead of `error_for_status()`, and converts reqwest's errors with explicit `map_err(ApiError::from)`.
use std::time::Duration;

use lesson_support::models::Post;
use reqwest::{Client, StatusCode};

use crate::ApiError;

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let response = client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(limit)
        .send()
        .await
        .map_err(ApiError::from)?;

    // The head is here: an error status is known now, and its body is never read.
    let status = response.status();
    if status == StatusCode::NOT_FOUND {
        return Err(ApiError::NotFound {
            url: response.url().to_string(),
        });
    }
    if status.is_client_error() || status.is_server_error() {
        return Err(ApiError::Status {
            status,
            url: response.url().to_string(),
        });
    }

    // A success: the body, within what is left of the same timeout.
    response.json::<Post>().await.map_err(ApiError::from)
}
