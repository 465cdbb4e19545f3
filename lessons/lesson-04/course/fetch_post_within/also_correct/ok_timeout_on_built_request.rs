//! Correct, written another way: builds the `Request` first (`RequestBuilder::build`, whose error `?` classifies as `Other` for a URL no request can go to, nothing sent), sets the timeout through `Request::timeout_mut` instead of `RequestBuilder::timeout`, and sends it with `Client::execute` on the caller's client.

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
    // A finished request is a plain value: set its timeout field directly. `Some(limit)`
    // takes the place of the client's timeout for this request only, ZERO and MAX included.
    let mut request = client.get(format!("{base_url}/posts/{id}")).build()?;
    *request.timeout_mut() = Some(limit);

    let response = client.execute(request).await?;
    // Status before body, so an error status is reported without waiting for its body.
    let post = response.error_for_status()?.json::<Post>().await?;
    Ok(post)
}
