//! Correct: sends an explicit `Accept: application/json` header (what the API serves anyway); still one GET through `client` with the per-request timeout, no `Accept-Encoding` of its own, and every status and failure classified by the lesson's `From`.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;
use reqwest::header::{ACCEPT, HeaderValue};

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
        .header(ACCEPT, HeaderValue::from_static("application/json"))
        .timeout(limit);
    crate::fetch_json::<Post>(request).await
}
