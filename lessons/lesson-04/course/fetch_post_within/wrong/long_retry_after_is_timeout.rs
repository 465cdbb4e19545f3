//! Wrong: breaks "a status the server sent is `Status`, whatever it says": a 429 or a 503 whose `Retry-After` (in seconds) asks for a longer wait than `limit` comes back as `ApiError::Timeout` (holding the status error) instead of `Status`; a 429/503 with no `Retry-After` or one that fits within `limit` (the case the checks describe), every other status, the timeout, the URL and the decoding are all as the contract says, and nothing is retried or waited for.

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
    let response = client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(limit)
        .send()
        .await?;

    // Read what we need from the head before `error_for_status` consumes the response.
    let status = response.status();
    let retry_after = response
        .headers()
        .get(RETRY_AFTER)
        .and_then(|value| value.to_str().ok())
        .and_then(|text| text.trim().parse::<u64>().ok())
        .map(Duration::from_secs);

    let response = match response.error_for_status() {
        Ok(response) => response,
        Err(err) => {
            // A throttled server that says "come back in 2 minutes" when the caller gave us
            // 1 second: no answer can arrive within the limit, so for the caller this is a
            // timeout (and `is_transient` says retry later, which is what Retry-After means).
            let throttled = status == StatusCode::TOO_MANY_REQUESTS
                || status == StatusCode::SERVICE_UNAVAILABLE;
            if throttled && retry_after.is_some_and(|wait| wait > limit) {
                return Err(ApiError::Timeout(err));
            }
            return Err(err.into());
        }
    };

    let post = response.json::<Post>().await?;
    Ok(post)
}
