//! Correct: hands the prepared request, timeout set, to this lesson's `fetch_json`, which
//! sends it, checks the status, decodes and classifies.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

use crate::ApiError;

pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    crate::fetch_json(client.get(format!("{base_url}/posts/{id}")).timeout(limit)).await
}
