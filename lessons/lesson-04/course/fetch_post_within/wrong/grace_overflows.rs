//! Wrong: breaks "never a panic": to be sure it never gives up before `limit` ("not before it"), it adds 1 ms for timer granularity with `limit + Duration::from_millis(1)`, which panics ("overflow when adding durations") when a caller passes `Duration::MAX` to mean "no limit of my own"; reqwest itself accepts `Duration::MAX`. Every ordinary limit behaves exactly right.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

use crate::ApiError;

/// Timers fire on millisecond ticks: one tick of margin so we never give up early.
const TIMER_TICK: Duration = Duration::from_millis(1);

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let timeout = limit + TIMER_TICK;

    let post = client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(timeout)
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}
