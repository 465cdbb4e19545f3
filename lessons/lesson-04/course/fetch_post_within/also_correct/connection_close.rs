//! Correct: unusual because it sends `Connection: close`, so every call opens a fresh TCP connection and none is left in the client's pool for the next call (through the client all the same, with its user agent, proxy rules and connect timeout). Nothing in the contract asks for connection reuse; a check that tells "the client you were given" from a new client by connection reuse would reject it wrongly.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;
use reqwest::header::CONNECTION;

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
        // Each call on its own, down to the socket: nothing kept for the next call.
        .header(CONNECTION, "close")
        .timeout(limit);
    crate::fetch_json::<Post>(request).await
}
