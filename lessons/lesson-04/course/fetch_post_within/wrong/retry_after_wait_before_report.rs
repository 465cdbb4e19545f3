//! Wrong: "an error status is known as soon as the answer's head arrives: report it then" and "a 429 and a 503 with a short `Retry-After`: still one request, reported at once": it sends no second request, but on a 429 or 503 whose `Retry-After` fits within `limit` it sleeps that long before returning the `Status`, so the caller's retry lands when the server is ready.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::header::RETRY_AFTER;
use reqwest::{Client, StatusCode};

use crate::ApiError;

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let started = tokio::time::Instant::now();
    let response = client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(limit)
        .send()
        .await?;

    // No retry here (that is the caller's choice), but be polite: if the server said when it
    // will be ready and that is within our budget anyway, wait it out before reporting, so
    // that a caller who retries on `is_transient()` does not hit it again too early.
    let status = response.status();
    if status == StatusCode::TOO_MANY_REQUESTS || status == StatusCode::SERVICE_UNAVAILABLE {
        let wait = response
            .headers()
            .get(RETRY_AFTER)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.trim().parse::<u64>().ok())
            .map(Duration::from_secs);
        if let Some(wait) = wait {
            if started.elapsed().saturating_add(wait) <= limit {
                tokio::time::sleep(wait).await;
            }
        }
    }

    let post = response.error_for_status()?.json::<Post>().await?;
    Ok(post)
}
