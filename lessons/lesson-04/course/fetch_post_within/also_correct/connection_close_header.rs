//! Right: sends the GET with a `Connection: close` header (one connection per call, never reused from or returned to the given client's pool: nothing about a misbehaving server can outlive the call), and otherwise the plain chain (`.timeout(limit)`, `error_for_status()`, `.json::<Post>()`), each `?` through the lesson's `From` impl; still one request per call, through the given client, with its settings.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;
use reqwest::header::{CONNECTION, HeaderValue};

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
        .header(CONNECTION, HeaderValue::from_static("close"))
        .timeout(limit)
        .send()
        .await?;
    let response = response.error_for_status()?;
    let post: Post = response.json().await?;
    Ok(post)
}
