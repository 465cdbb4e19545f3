//! Wrong: "`Ok(post)` for any 2xx": a 206 Partial Content is reported as `Status { status: 206 }` without reading its body ("we asked for no range, so a part of something is never the whole post"), even when its body is a complete post.

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
        .await?
        .error_for_status()?;
    // We sent no `Range`: a 206 is a piece of some larger thing, not the post we asked for.
    if response.status() == StatusCode::PARTIAL_CONTENT {
        return Err(ApiError::Status {
            status: response.status(),
            url: response.url().to_string(),
        });
    }
    Ok(response.json::<Post>().await?)
}
