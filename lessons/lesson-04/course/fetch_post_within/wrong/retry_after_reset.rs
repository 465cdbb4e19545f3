//! Wrong: sends the GET a second time (within what is left of `limit`) when the server resets the connection before answering: one call, one request, whatever happens; only a reset (not a clean close) triggers it.

use std::error::Error as _;
use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;
use tokio::time::Instant;

use crate::ApiError;

/// Whether the connection was reset by the peer (`ECONNRESET`) somewhere down the error's chain.
fn reset_by_peer(err: &reqwest::Error) -> bool {
    let mut source = err.source();
    while let Some(cause) = source {
        if cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::ConnectionReset)
        {
            return true;
        }
        source = cause.source();
    }
    false
}

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let url = format!("{base_url}/posts/{id}");
    let started = Instant::now();
    let response = match client.get(&url).timeout(limit).send().await {
        // A GET is idempotent, and a reset before any answer usually means a pooled connection
        // the server had already dropped: try once more on a fresh one, in the time left.
        Err(err) if !err.is_timeout() && !err.is_connect() && reset_by_peer(&err) => {
            let left = limit.saturating_sub(started.elapsed());
            client.get(&url).timeout(left).send().await?
        }
        sent => sent?,
    };
    Ok(response.error_for_status()?.json::<Post>().await?)
}
