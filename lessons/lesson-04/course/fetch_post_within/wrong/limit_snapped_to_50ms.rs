//! Wrong: "give up once `limit` has passed, not before it": the limit is rounded to the nearest 50 ms before use (timers and networks are not that precise, and round limits read better in logs), so a `limit` of 20 ms gives up at once and one of 170 ms after 150 ms; limits already on the grid (150 ms, 600 ms, 45 s, `ZERO`, and `MAX`, which stays `MAX`) are used as they are.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

use crate::ApiError;

/// The granularity of a limit, in nanoseconds.
const STEP_NANOS: u128 = 50_000_000;

/// `limit` rounded to the nearest step; too long for a `Duration` means no limit at all.
fn snapped(limit: Duration) -> Duration {
    let steps = (limit.as_nanos() + STEP_NANOS / 2) / STEP_NANOS;
    let nanos = steps * STEP_NANOS;
    let subsec = u32::try_from(nanos % 1_000_000_000).unwrap_or(0);
    u64::try_from(nanos / 1_000_000_000).map_or(Duration::MAX, |secs| Duration::new(secs, subsec))
}

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let post = client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(snapped(limit))
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}
