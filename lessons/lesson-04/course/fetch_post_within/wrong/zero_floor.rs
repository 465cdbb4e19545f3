//! Wrong: breaks "`Duration::ZERO` is a timeout of zero (give up at once, `Timeout`)" and "give up once `limit` has passed": worried that a zero or sub-tick timeout is meaningless to the timer, it raises `limit` to at least 10 ms (`limit.max(MIN_LIMIT)`), so a zero (or 1 ms) limit against a local server that answers in a few milliseconds returns `Ok(post)`; every limit of 10 ms or more, `Duration::MAX` included, is right.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

use crate::ApiError;

/// Below this, a timer cannot tell one instant from the next.
const MIN_LIMIT: Duration = Duration::from_millis(10);

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let post = client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(limit.max(MIN_LIMIT))
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}
