//! Wrong: breaks "one call, one request, whatever happens": the limit is a `tokio::time::timeout` around the whole fetch (which itself has the longest timeout, so the client's 30 s does not apply), and when it passes, the same GET is sent a second time with a timeout of zero, only to get a genuine reqwest timeout error for `ApiError::Timeout`. That second request is real: it goes through the client and, on a local server, often reaches it before reqwest's zero timer fires (so the server may count two requests, or one, depending on a race). Results, variants and timings are the reference's.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

use crate::ApiError;

/// One GET with its own timeout, every failure classified by `?`.
async fn fetch(client: &Client, url: &str, timeout: Duration) -> Result<Post, ApiError> {
    Ok(client
        .get(url)
        .timeout(timeout)
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?)
}

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let url = format!("{base_url}/posts/{id}");
    // Like `asyncio.timeout(limit)`: one bound around everything, head and body, from here on.
    // The request inside gets `Duration::MAX` so that the client's own 30 s never cuts it first.
    match tokio::time::timeout(limit, fetch(client, &url, Duration::MAX)).await {
        Ok(result) => result,
        // tokio's `Elapsed` would become `ApiError::Deadline`, the wrong variant, and a
        // `reqwest::Error` cannot be built by hand. A request with a zero timeout cannot
        // finish, so reqwest reports its own timeout, and `?` makes it `ApiError::Timeout`.
        Err(_elapsed) => fetch(client, &url, Duration::ZERO).await,
    }
}
