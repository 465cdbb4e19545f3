//! Right: builds a `Request` from the given client, sets its own timeout with `Request::timeout_mut` instead of `RequestBuilder::timeout`, sends it with `Client::execute`, and checks the status with `error_for_status_ref()`; every `?` goes through the lesson's `From` impl.

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
    // A malformed URL fails here, as a builder error: `ApiError::Other`.
    let mut request = client.get(format!("{base_url}/posts/{id}")).build()?;
    // This request only; the client keeps its 30 s for everything else.
    *request.timeout_mut() = Some(limit);

    let response = client.execute(request).await?;
    response.error_for_status_ref()?;
    Ok(response.json::<Post>().await?)
}
