//! Wrong: breaks "never a panic" and "`Other` for a `base_url` that no request can go to": its hand-written classifier takes the URL with `err.url().expect(..)`, so `not a url` (a builder error with no URL) panics; `mailto:…` is `Other` as it should be.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::{Client, StatusCode};

use crate::ApiError;

fn classify(err: reqwest::Error) -> ApiError {
    let url = err.url().expect("a request always has a URL").to_string();
    match err.status() {
        Some(StatusCode::NOT_FOUND) => ApiError::NotFound { url },
        Some(status) => ApiError::Status { status, url },
        None if err.is_timeout() => ApiError::Timeout(err),
        None if err.is_connect() => ApiError::Connect(err),
        None if err.is_decode() => ApiError::Decode(err),
        None => ApiError::Other(err),
    }
}

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
        .map_err(classify)?;
    let response = response.error_for_status().map_err(classify)?;
    response.json::<Post>().await.map_err(classify)
}
