//! Wrong: `limit` may be any `Duration`, but it is carried as whole milliseconds in a `u32` (`as u32`, "49 days is plenty"), which wraps without a word: ZERO, a few µs, 150 ms, 45 s and even `Duration::MAX` (u32::MAX ms, about 49.7 days) come out right, but a limit of 2^32 ms gives up at once and any limit past 49.7 days gives up after its remainder modulo 2^32 ms.

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
    // Whole milliseconds, as aiohttp, browsers' `setTimeout` and every log line count them. A
    // `u32` of milliseconds reaches 49 days, far beyond any wait a caller means; below one
    // millisecond there is nothing to wait for (tokio's timer ticks in milliseconds anyway).
    let millis = limit.as_millis() as u32;
    let post = client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(Duration::from_millis(u64::from(millis)))
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}
