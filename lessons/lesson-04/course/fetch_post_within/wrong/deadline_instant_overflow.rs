//! Wrong: "never a panic" and "`Duration::MAX` is the longest timeout there is" are broken: the learner decides Timeout by the clock against a deadline computed as `Instant::now() + limit`, which panics with "overflow when adding duration to instant" for `Duration::MAX` before anything is sent.

use std::time::{Duration, Instant};

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
    // The moment we give up; any failure at or after it is the limit's doing.
    let deadline = Instant::now() + limit;
    let classify = |err: reqwest::Error| {
        if err.status().is_none() && Instant::now() >= deadline {
            ApiError::Timeout(err)
        } else {
            ApiError::from(err)
        }
    };

    let post = client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(limit)
        .send()
        .await
        .map_err(classify)?
        .error_for_status()
        .map_err(classify)?
        .json::<Post>()
        .await
        .map_err(classify)?;
    Ok(post)
}
