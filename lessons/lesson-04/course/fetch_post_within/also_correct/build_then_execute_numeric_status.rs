//! Right: builds the `Request` first (`RequestBuilder::build()`, whose error for an unusable base URL is `Other` through `?`), takes the URL for `NotFound`/`Status` from the built request (`request.url()`, the URL asked for), sends it with `client.execute`, and sorts the status by number (`404`, `400..=599`) before decoding.

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
    let request = client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(limit)
        .build()?;
    let url = request.url().to_string();

    let response = client.execute(request).await?;
    let status = response.status();
    match status.as_u16() {
        404 => Err(ApiError::NotFound { url }),
        400..=599 => Err(ApiError::Status { status, url }),
        _ => Ok(response.json::<Post>().await?),
    }
}
