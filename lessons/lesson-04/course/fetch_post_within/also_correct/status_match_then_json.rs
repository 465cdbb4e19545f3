//! Right: builds the URL by joining parts (`[base_url, "posts", &id]`), matches on `response.status()` itself (404 to `NotFound`, any other 4xx/5xx to `Status`, both with the URL asked for) instead of `error_for_status()`, and converts every `reqwest::Error` with `map_err(ApiError::from)`.

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
    let id = id.to_string();
    let url = [base_url, "posts", id.as_str()].join("/");
    let response = client
        .get(url.as_str())
        .timeout(limit)
        .send()
        .await
        .map_err(ApiError::from)?;
    match response.status() {
        StatusCode::NOT_FOUND => Err(ApiError::NotFound { url }),
        status if status.is_client_error() || status.is_server_error() => {
            Err(ApiError::Status { status, url })
        }
        _ => response.json::<Post>().await.map_err(ApiError::from),
    }
}
