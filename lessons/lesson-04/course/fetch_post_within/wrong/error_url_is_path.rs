//! Wrong: breaks "`NotFound { url }` … with the URL that was asked for" (and the same for `Status`): it classifies statuses by hand and stores only the resource's path (`/posts/{id}`, "the caller already knows its own base URL"), so the error names `/posts/7` instead of `http://host/api/v1/posts/7`; every variant, status, timing and request count is right.

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
    let path = format!("/posts/{id}");
    let response = client
        .get(format!("{base_url}{path}"))
        .timeout(limit)
        .send()
        .await?;
    let status = response.status();
    if status == StatusCode::NOT_FOUND {
        return Err(ApiError::NotFound { url: path });
    }
    if status.is_client_error() || status.is_server_error() {
        return Err(ApiError::Status { status, url: path });
    }
    Ok(response.json::<Post>().await?)
}
