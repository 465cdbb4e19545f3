//! Wrong: "`Err(ApiError::Other(..))` for ... a `base_url` that no request can go to ...: reqwest reports that as an error at `send()`, and nothing is sent": an empty (or blank) `base_url` is replaced by JSONPlaceholder's address, like a Python `BASE_URL` default, so the call sends a request to the public API (and reports `Connect`, or returns its post) instead of `Other`.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

use crate::ApiError;

/// The API the course is about, for callers that did not say where it lives.
const DEFAULT_BASE_URL: &str = "https://jsonplaceholder.typicode.com";

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let base_url = if base_url.trim().is_empty() {
        DEFAULT_BASE_URL
    } else {
        base_url
    };
    let post = client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}
