//! Wrong: breaks "`Err(ApiError::Status { status, url })` for any other error status, 4xx or 5xx": it sorts the status by number with the range reqwest's docs describe ("any status between 400...599") written as `400..599`, which in Rust excludes its end, so a 599 (a proxy's "network connect timeout") is not an error and goes to the decoder (`Decode`, or `Ok` if the body happens to be a post); 404, every other 4xx/5xx, every 2xx, timing and bodies are right.

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
    let response = client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(limit)
        .send()
        .await?;

    let status = response.status();
    match status.as_u16() {
        404 => Err(ApiError::NotFound {
            url: response.url().to_string(),
        }),
        // Error statuses: anything between 400 and 599.
        400..599 => Err(ApiError::Status {
            status,
            url: response.url().to_string(),
        }),
        _ => Ok(response.json::<Post>().await?),
    }
}
