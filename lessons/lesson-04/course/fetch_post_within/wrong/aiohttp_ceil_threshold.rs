//! Wrong: Timeout clause (give up once `limit` has passed, not much after): like aiohttp's `ceil_threshold`, a `limit` of 5 s or more with a fraction of a second is rounded up to the next whole second (5.2 s waits 6 s).

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

use crate::ApiError;

/// aiohttp rounds timeouts of this length or more up to a whole second, so that timers of
/// long requests share wake-ups (`ClientTimeout(ceil_threshold=5)`).
const CEIL_THRESHOLD: Duration = Duration::from_secs(5);

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let post = client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(ceiled(limit))
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}

/// `limit`, or for long limits the next whole second (`Duration::MAX` stays as it is).
fn ceiled(limit: Duration) -> Duration {
    if limit < CEIL_THRESHOLD || limit.subsec_nanos() == 0 {
        return limit;
    }
    limit
        .as_secs()
        .checked_add(1)
        .map_or(limit, Duration::from_secs)
}
