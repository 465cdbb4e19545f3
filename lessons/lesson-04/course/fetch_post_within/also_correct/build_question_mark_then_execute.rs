//! Right: builds the `Request` first (`build()?`: a base URL no request can go to is `Other` before anything is sent), sets `limit` through `Request::timeout_mut`, and sends it with `Client::execute` on the given client.

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
    // The request's own timeout, in place of the client's, for this request only.
    *request.timeout_mut() = Some(limit);
    let response = client.execute(request).await?.error_for_status()?;
    let post: Post = response.json().await?;
    Ok(post)
}
