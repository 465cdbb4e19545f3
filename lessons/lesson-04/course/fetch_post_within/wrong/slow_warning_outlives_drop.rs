//! Wrong: "nothing of a call outlives it" — it spawns a "still waiting" warning timer (half of `limit`) and aborts it when the call returns, but a call whose future is dropped (a caller's timeout, a `select!`) never reaches the `abort`, so that task lives on after the call, for up to `limit / 2` (about 292 billion years for `Duration::MAX`) and prints about a call that no longer exists; the request itself is stopped correctly and every result is the reference's.

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
    let url = format!("{base_url}/posts/{id}");

    // Like aiohttp's trace hooks or `loop.call_later`: warn when a call is halfway to
    // its limit, so slow servers show up in the logs before they time out.
    let halfway = limit / 2;
    let warning = tokio::spawn({
        let url = url.clone();
        async move {
            tokio::time::sleep(halfway).await;
            eprintln!("GET {url}: still waiting after {halfway:?} (limit {limit:?})");
        }
    });

    let outcome = fetch(client, &url, limit).await;
    warning.abort();
    outcome
}

async fn fetch(client: &Client, url: &str, limit: Duration) -> Result<Post, ApiError> {
    let post = client
        .get(url)
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}
