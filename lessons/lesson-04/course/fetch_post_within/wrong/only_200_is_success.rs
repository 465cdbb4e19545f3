//! Wrong: breaks "`Ok(post)` when the whole answer, body included, arrives within `limit`" (and "`Status` for any other error status, 4xx or 5xx"): written like aiohttp's `if resp.status == 200`, it decodes only a 200 and reports every other status, a successful 201/203/206 carrying a post (or a 1xx/3xx that reaches it) included, as `ApiError::Status`; 200, 404, every 4xx/5xx, timing and bodies are right.

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

    // `GET /posts/{id}` answers 200 with the post; 404 means no such post; anything else is
    // the server telling us something went wrong, so hand the caller the status.
    match response.status() {
        StatusCode::OK => Ok(response.json::<Post>().await?),
        StatusCode::NOT_FOUND => Err(ApiError::NotFound { url }),
        status => Err(ApiError::Status { status, url }),
    }
}
