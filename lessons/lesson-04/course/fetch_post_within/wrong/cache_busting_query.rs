//! Wrong: breaks "one GET `{base_url}/posts/{id}`": to honour "no cache" it adds jQuery's `cache: false` trick, a `?_=<milliseconds>` parameter, so the request (and the URL inside `NotFound`/`Status`) is `{base_url}/posts/{id}?_=…`, not the post's URL; the path, the single request per call, the per-request timeout and every variant are still right.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

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
    // "No cache": a cache between us and the server (a proxy, a CDN) must not answer in the
    // server's place, so every call asks for a URL nobody has asked for before.
    let stamp = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|since| since.as_millis().to_string())
        .unwrap_or_default();

    let post = client
        .get(format!("{base_url}/posts/{id}"))
        .query(&[("_", stamp)])
        // This request's own bound, in place of the client's.
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}
