//! Wrong: breaks "`NotFound` for a 404 … `Status { status, url }` for any other error status (…, 410, …)": a 410 Gone is also reported as `ApiError::NotFound`, so the caller loses the status it was promised.

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
    let url = format!("{base_url}/posts/{id}");
    let response = client.get(&url).timeout(limit).send().await?;

    // "Not there" comes in two flavours: never existed (404) or deleted for good (410).
    // Either way the caller's reaction is the same: stop asking for it.
    if matches!(response.status(), StatusCode::NOT_FOUND | StatusCode::GONE) {
        return Err(ApiError::NotFound { url });
    }

    let post = response.error_for_status()?.json::<Post>().await?;
    Ok(post)
}
