//! Wrong: one call, one request — when a successful answer carries another post than the one asked for, it asks once more (a mix-up in some cache on the way, it assumes), within what is left of `limit`, and returns that second answer: against a server that keeps sending the other post the result is the same `Ok(post)`, as sent, but the server saw two requests.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;
use tokio::time::Instant;

use crate::ApiError;

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let url = format!("{base_url}/posts/{id}");
    let started = Instant::now();
    let post = fetch(client, &url, limit).await?;
    if post.id == id {
        return Ok(post);
    }
    // Another post under this post's URL is most likely a mix-up on the way (a shared cache or
    // a load balancer); one more look settles it. Whatever comes then is the server's answer,
    // and the caller decides what to do with it. Both looks together stay within `limit`.
    let left = limit.saturating_sub(started.elapsed());
    fetch(client, &url, left).await
}

async fn fetch(client: &Client, url: &str, limit: Duration) -> Result<Post, ApiError> {
    let post = client
        .get(url)
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}
