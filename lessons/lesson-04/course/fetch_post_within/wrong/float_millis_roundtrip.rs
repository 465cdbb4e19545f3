//! Wrong: breaks "never a panic" and the `Duration::MAX` clause: it rounds `limit` to whole milliseconds through float seconds and `Duration::from_secs_f64`, which panics for `Duration::MAX`, whose seconds round up to 2^64 as an `f64`; every finite limit is right.

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
    let secs = (limit.as_secs_f64() * 1000.0).round() / 1000.0;
    let limit = Duration::from_secs_f64(secs);
    Ok(client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?)
}
