//! Wrong: "one call, one request": reads the answer as text (for a debug trace), and since `text()` consumed the response, sends the same GET a second time to decode it, so every successful call makes two requests (and may take up to twice `limit`).
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

    // First look: check the status and keep the raw body, which is what you want to see when a
    // post does not decode.
    let raw = client
        .get(&url)
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?
        .text()
        .await?;
    if std::env::var_os("POSTS_DEBUG").is_some() {
        eprintln!("GET {url} -> {raw}");
    }

    // `text()` took the response by value, so there is nothing left to call `json()` on: ask
    // again, same URL and same limit, and let reqwest decode (its errors are the `Decode` we need).
    let post = client
        .get(&url)
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}
