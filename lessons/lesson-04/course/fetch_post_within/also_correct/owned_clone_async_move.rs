//! Right: clones the given client (an `Arc`, so the same pool and settings) into an owned `async move` block that also owns the URL, awaited in place; errors are converted with `.map_err(Into::into)` at each step, not `?` on the reqwest error.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

use crate::ApiError;

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let client = client.clone();
    let url = format!("{base_url}/posts/{id}");
    async move {
        let response = client
            .get(url)
            .timeout(limit)
            .send()
            .await
            .map_err(Into::<ApiError>::into)?;
        let response = response
            .error_for_status()
            .map_err(Into::<ApiError>::into)?;
        response
            .json::<Post>()
            .await
            .map_err(Into::<ApiError>::into)
    }
    .await
}
