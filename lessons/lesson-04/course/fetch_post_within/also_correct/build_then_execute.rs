//! Right: builds the `Request` first (`RequestBuilder::build`, whose error `?` turns into `Other`), sets its own timeout through `Request::timeout_mut` (the setting `RequestBuilder::timeout` writes), and sends it with `Client::execute` on the given client.
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
    // A base URL no request can go to fails here, before anything is sent: `Other`.
    let mut request = client.get(format!("{base_url}/posts/{id}")).build()?;
    // This request's own timeout, in place of the client's.
    *request.timeout_mut() = Some(limit);

    let response = client.execute(request).await?;
    let post = response.error_for_status()?.json::<Post>().await?;
    Ok(post)
}
