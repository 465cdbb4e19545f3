//! Wrong: one call sends one request, and the answer at the end of the client's own redirects is the answer, but a 300 Multiple Choices with a `Location` (which reqwest does not follow) makes the function send a second request to that preferred choice.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::header::LOCATION;
use reqwest::{Client, StatusCode};
use tokio::time::Instant;

use crate::ApiError;

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let started = Instant::now();
    let mut response = client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(limit)
        .send()
        .await?;
    // reqwest follows 301, 302, 303, 307 and 308 by itself. A 300 offers several versions and
    // may name the server's preferred one in `Location`, which HTTP lets a client follow on its
    // own: do that too, within what is left of `limit`.
    if response.status() == StatusCode::MULTIPLE_CHOICES {
        let preferred = response
            .headers()
            .get(LOCATION)
            .and_then(|value| value.to_str().ok())
            .and_then(|location| response.url().join(location).ok());
        if let Some(preferred) = preferred {
            let remaining = limit.saturating_sub(started.elapsed());
            response = client.get(preferred).timeout(remaining).send().await?;
        }
    }
    let post = response.error_for_status()?.json::<Post>().await?;
    Ok(post)
}
