//! Wrong: breaks "one call, one request, whatever happens: no retry (retrying is the caller's choice)": a 429 or 503 that carries a `Retry-After` short enough to fit in what is left of `limit` is waited out and sent once more ("the server told us when to come back, and there is time"); a 429/503 without `Retry-After`, or with one longer than the limit, is `Status` as it should be, and so is every other status.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::header::RETRY_AFTER;
use reqwest::{Client, StatusCode};
use tokio::time::Instant;

use crate::{ApiError, fetch_json};

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let url = format!("{base_url}/posts/{id}");
    let started = Instant::now();
    let response = client.get(&url).timeout(limit).send().await?;

    // A polite server says how long to wait (`Retry-After: <seconds>`). If that still fits in
    // the caller's limit, waiting it out is cheaper than making the caller start over.
    let status = response.status();
    if status == StatusCode::TOO_MANY_REQUESTS || status == StatusCode::SERVICE_UNAVAILABLE {
        let wait = response
            .headers()
            .get(RETRY_AFTER)
            .and_then(|value| value.to_str().ok())
            .and_then(|text| text.trim().parse::<u64>().ok())
            .map(Duration::from_secs);
        if let Some(wait) = wait {
            let left = limit.saturating_sub(started.elapsed());
            if wait < left {
                drop(response);
                tokio::time::sleep(wait).await;
                let left = limit.saturating_sub(started.elapsed());
                return fetch_json::<Post>(client.get(&url).timeout(left)).await;
            }
        }
    }

    Ok(response.error_for_status()?.json::<Post>().await?)
}
