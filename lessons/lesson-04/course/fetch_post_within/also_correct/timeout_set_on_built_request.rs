//! Correct: builds the `Request` first, sets its timeout through `Request::timeout_mut`, and sends it with `Client::execute` (a build error for a bad base URL is a builder error: `Other`, nothing sent).

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
    let mut request = client.get(format!("{base_url}/posts/{id}")).build()?;
    *request.timeout_mut() = Some(limit);
    let response = client.execute(request).await?;
    let response = response.error_for_status()?;
    let post: Post = response.json().await?;
    Ok(post)
}
