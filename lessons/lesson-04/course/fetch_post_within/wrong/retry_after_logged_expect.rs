//! Wrong: never a panic: on a 429 or 503 it logs the server's `Retry-After` for the caller, reading it as whole seconds with `expect`, so a valid HTTP-date `Retry-After` (`Wed, 21 Oct 2026 07:28:00 GMT`) panics; with a number of seconds it is still one request and `Status` at once.

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

    // Retrying is the caller's choice, but they should know how long the server asked them to
    // wait: say it in the log before reporting the status.
    let status = response.status();
    let asks_to_wait =
        status == StatusCode::TOO_MANY_REQUESTS || status == StatusCode::SERVICE_UNAVAILABLE;
    if let Some(value) = response.headers().get(RETRY_AFTER).filter(|_| asks_to_wait) {
        let seconds: u64 = value
            .to_str()
            .expect("Retry-After is ASCII")
            .trim()
            .parse()
            .expect("Retry-After is a number of seconds");
        eprintln!("{status}: the server asks to wait {seconds}s before trying again");
    }

    let post = response.error_for_status()?.json::<Post>().await?;
    Ok(post)
}
