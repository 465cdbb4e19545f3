//! Wrong: breaks "report it then, without reading or waiting for its body, even if that body would come after `limit` or never": it reads the whole answer (as `await resp.json()` inside aiohttp's `async with`) before looking at the status, so a 404 or 5xx whose body stalls is reported only when `limit` runs out; the variants (NotFound/Status/Timeout/Decode/…), the URL, the one request and the per-request timeout are all still right.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::{Client, StatusCode};

use crate::ApiError;

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    // `limit` on this request only: it replaces the client's 30 s, and it covers the body too.
    let response = client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(limit)
        .send()
        .await?;

    // Same shape as the aiohttp version: take the answer in, then decide what it means.
    let status = response.status();
    let url = response.url().to_string();
    let post = response.json::<Post>().await;

    if status == StatusCode::NOT_FOUND {
        // Whatever the body was (HTML, `{}`, nothing), a 404 is a 404.
        return Err(ApiError::NotFound { url });
    }
    if status.is_client_error() || status.is_server_error() {
        return Err(ApiError::Status { status, url });
    }
    // A 2xx: the post, or why its body was not one (timeout, cut short, wrong shape).
    Ok(post?)
}
