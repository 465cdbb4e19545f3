//! Correct: it sends the GET as HTTP/1.0 (`RequestBuilder::version`), a request line of `GET /posts/{id} HTTP/1.0`: still one GET through `client`, with the request's own timeout, and the answer's connection is not kept for a later call (HTTP/1.0 closes it unless asked otherwise), which the contract allows.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::{Client, Version};

use crate::ApiError;

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let post = client
        .get(format!("{base_url}/posts/{id}"))
        // One request, one connection: nothing of this call waits in the pool for the next.
        .version(Version::HTTP_10)
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}
