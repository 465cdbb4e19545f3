//! Wrong: breaks "a timeout of `limit` … `limit` replaces the client's timeout, longer or shorter (a `limit` of 45 s waits 45 s) … and may be any `Duration`": it rounds `limit` to whole milliseconds, and since `as_millis()` is a `u128` that `Duration::from_millis` (a `u64`) will not take, it uses `subsec_millis()` (a `u32`), which is only the part below one second; so every limit under 1 s (150 ms, 600 ms, zero) is exact, but 45 s becomes 0 ms (`Timeout` at once), 2.5 s becomes 500 ms, and `Duration::MAX` becomes 999 ms.

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
    // The timer counts whole milliseconds: drop the nanoseconds below that, so the request
    // gives up exactly at the millisecond it was given.
    let limit_ms = Duration::from_millis(u64::from(limit.subsec_millis()));

    let post = client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(limit_ms)
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}
