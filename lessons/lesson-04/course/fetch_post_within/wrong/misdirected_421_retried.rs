//! Wrong: "one call, one request" / "Status for any other error status" — a 421 Misdirected Request is sent again once (RFC 9110 says a client MAY retry it on another connection), within what is left of `limit`.

use std::time::{Duration, Instant};

use lesson_support::models::Post;
use reqwest::header::CONNECTION;
use reqwest::{Client, StatusCode};

use crate::ApiError;

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let url = format!("{base_url}/posts/{id}");
    let started = Instant::now();
    let mut response = client.get(&url).timeout(limit).send().await?;

    if response.status() == StatusCode::MISDIRECTED_REQUEST {
        // The connection reached a server that cannot answer for this host: the request was
        // not processed, so it is safe to send it again on a fresh connection (RFC 9110 15.5.20).
        drop(response);
        let left = limit.saturating_sub(started.elapsed());
        response = client
            .get(&url)
            .header(CONNECTION, "close")
            .timeout(left)
            .send()
            .await?;
    }

    let post = response.error_for_status()?.json::<Post>().await?;
    Ok(post)
}
