//! Wrong: breaks "`Err(ApiError::Status { status, url })` for any other error status, 4xx or 5xx": it checks the status by hand for a 404 (`NotFound`) and for 5xx (`Status`, "server trouble"), and leaves any other 4xx to the decoder ("a 400/403/429 body is an error object, not a post, so `.json()` fails anyway"), so those become `Decode` (or `Ok` if the body happens to be a post); 404, every 5xx, timing, connect and bodies are right.

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
    let status = response.status();
    if status == StatusCode::NOT_FOUND {
        return Err(ApiError::NotFound { url });
    }
    if status.is_server_error() {
        return Err(ApiError::Status { status, url });
    }
    let post = response.json::<Post>().await?;
    Ok(post)
}
