//! Wrong: breaks "`limit` … may be any `Duration`" and "`Err(ApiError::Timeout(..))` when it does not [arrive within `limit`]": following aiohttp, where a timeout of `0` (or `None`) disables it, a zero `limit` sets no per-request timeout, so `Duration::ZERO` waits up to the client's 30 s (and returns `Ok` from a server that answers) instead of giving up at once; every non-zero limit, `Duration::MAX` included, is right.

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
    let mut request = client.get(format!("{base_url}/posts/{id}"));
    // As with aiohttp's `ClientTimeout(total=0)`: a zero limit means "no limit of my own".
    if !limit.is_zero() {
        request = request.timeout(limit);
    }
    let post = request
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}
