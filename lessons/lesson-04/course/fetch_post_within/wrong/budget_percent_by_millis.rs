//! Wrong: "never a panic" — after a success it logs how much of `limit` the call used as an integer percentage of whole milliseconds, `took.as_millis() * 100 / limit.as_millis()`, which divides by zero whenever a limit under 1 ms (500 µs, or even `Duration::ZERO`, which reqwest does not enforce against a local answer that is already there) ends in a success; a ZERO against a slow server times out before the division, and every limit of 1 ms or more is fine.

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
    let started = tokio::time::Instant::now();
    let post = client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;

    // How close to the limit did we come? Useful when tuning limits.
    let took = started.elapsed();
    let used = took.as_millis() * 100 / limit.as_millis();
    eprintln!("post {id} after {took:?}: {used}% of its {limit:?}");
    Ok(post)
}
