//! Wrong: "no spacing or rate limit of your own": after a successful answer that says `RateLimit-Remaining: 0` (or `X-RateLimit-Remaining: 0`), it sleeps until the window resets (up to what is left of `limit`) before returning the post.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;
use reqwest::header::HeaderMap;

use crate::ApiError;

/// Fetches post `id`, giving up after `limit`, classifying any failure.
///
/// Polite clients honour the rate-limit headers: when the server says this was the last
/// request of its window, wait for the window to reset (never longer than our own `limit`),
/// so that the caller's next call does not earn a 429.
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
        .await?
        .error_for_status()?;
    let window = window_reset(response.headers());
    let post = response.json::<Post>().await?;
    if let Some(wait) = window {
        let left = limit.saturating_sub(started.elapsed());
        tokio::time::sleep(wait.min(left)).await;
    }
    Ok(post)
}

/// How long until the rate-limit window resets, if the server says none of it is left.
fn window_reset(headers: &HeaderMap) -> Option<Duration> {
    let read = |names: [&str; 2]| {
        names.iter().find_map(|name| {
            headers
                .get(*name)
                .and_then(|value| value.to_str().ok())
                .and_then(|value| value.trim().parse::<u64>().ok())
        })
    };
    let remaining = read(["ratelimit-remaining", "x-ratelimit-remaining"])?;
    if remaining > 0 {
        return None;
    }
    let reset = read(["ratelimit-reset", "x-ratelimit-reset"]).unwrap_or(1);
    // GitHub sends a Unix time, the IETF draft a number of seconds.
    let seconds = if reset > 1_000_000_000 {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |since| since.as_secs());
        reset.saturating_sub(now)
    } else {
        reset
    };
    Some(Duration::from_secs(seconds))
}
