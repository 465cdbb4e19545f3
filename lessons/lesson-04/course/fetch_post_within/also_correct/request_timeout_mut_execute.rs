//! Correct, written another way: builds the `Request` with `RequestBuilder::build`, sets its
//! own timeout through `Request::timeout_mut` (the same per-request setting that
//! `RequestBuilder::timeout` writes, which replaces the client's for this request only), and
//! sends it with `Client::execute` on the given client. Each step's `reqwest::Error` goes
//! through the lesson's `From` impl with `?`: a `base_url` no request can go to fails in
//! `build()` (or, for a URL without a host such as `mailto:`, already in `get`) with the same
//! builder error `send()` would give, so it is `Other`, and nothing is sent.

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
    let mut request = client.get(format!("{base_url}/posts/{id}")).build()?;
    *request.timeout_mut() = Some(limit);
    let response = client.execute(request).await?.error_for_status()?;
    Ok(response.json::<Post>().await?)
}
