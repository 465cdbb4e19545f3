//! Wrong: a 202 Accepted is read as "not ready yet" and polled (the same GET again every 100 ms while `limit` allows), though any 2xx carrying a post is `Ok(post)` at once, and one call sends one request.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::{Client, StatusCode};

use crate::ApiError;

/// How long to wait before asking again after a 202.
const POLL_INTERVAL: Duration = Duration::from_millis(100);

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let url = format!("{base_url}/posts/{id}");
    let started = tokio::time::Instant::now();
    let mut timeout = limit;
    loop {
        let response = client
            .get(&url)
            .timeout(timeout)
            .send()
            .await?
            .error_for_status()?;
        if response.status() != StatusCode::ACCEPTED {
            return Ok(response.json::<Post>().await?);
        }
        // 202: the server took the request but the resource is still being prepared
        // (asynchronous APIs answer that way). Ask again shortly, as long as the caller's
        // `limit` leaves room; out of time, take what the 202 carries.
        let left = limit.saturating_sub(started.elapsed());
        if left <= POLL_INTERVAL {
            return Ok(response.json::<Post>().await?);
        }
        drop(response);
        tokio::time::sleep(POLL_INTERVAL).await;
        timeout = left - POLL_INTERVAL;
    }
}
