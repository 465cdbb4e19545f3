//! Wrong: breaks "one call, one request": after a successful answer it fires, in the background, a GET for the next post (`/posts/{id + 1}`) through the same client, to warm the connection and the server's cache for a caller that reads posts in order. Nothing is cached here, the call returns the reference's result at the reference's time, and the extra request goes to another path, so a count of requests to `/posts/{id}` stays at one per call.

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
    let post = client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;

    // Readers go through posts in order: ask for the next one now, without waiting for it,
    // so that its connection is open and the server has it warm when the caller asks.
    // `wrapping_add`: no overflow panic for `u64::MAX`.
    let next = client
        .get(format!("{base_url}/posts/{}", id.wrapping_add(1)))
        .timeout(limit);
    tokio::spawn(async move {
        let _ = next.send().await;
    });

    Ok(post)
}
