//! Wrong: breaks "a status the server sent is `Status`, whatever it says (a 408 Request Timeout or a 504 Gateway Timeout is not a `Timeout`: an answer did arrive in time)": Cloudflare's origin-error statuses are sorted by what they describe, 522 and 524 as `Timeout` and 521 and 523 as `Connect`, instead of `Status`; 408, 502, 503, 504 and every other status stay `Status` (404 `NotFound`), and the timeout, URL and decoding are as the contract says.

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
    let response = client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(limit)
        .send()
        .await?;

    let response = match response.error_for_status() {
        Ok(response) => response,
        Err(err) => return Err(classify_status(err)),
    };

    let post = response.json::<Post>().await?;
    Ok(post)
}

/// A 504 is the server's own answer, so it stays a `Status`. But the real JSONPlaceholder sits
/// behind Cloudflare, and Cloudflare's 52x are not answers from the API at all: the CDN could
/// not reach the origin (521 "web server is down", 523 "origin is unreachable") or gave up
/// waiting for it (522 "connection timed out", 524 "a timeout occurred"). Report those as what
/// happened, so the caller's `match` treats them like our own connect failures and timeouts.
fn classify_status(err: reqwest::Error) -> ApiError {
    match err.status().map(|status| status.as_u16()) {
        Some(522 | 524) => ApiError::Timeout(err),
        Some(521 | 523) => ApiError::Connect(err),
        _ => ApiError::from(err),
    }
}
