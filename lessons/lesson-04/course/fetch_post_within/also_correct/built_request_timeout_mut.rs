//! Correct: it builds the `Request` first (a URL no request can go to fails at `build()` or at `execute()`, `Other` either way, with nothing sent), sets the timeout through `Request::timeout_mut`, adds an `Accept: application/json` header of its own, sends with `Client::execute`, and checks the status by hand with `error_for_status_ref` before decoding.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;
use reqwest::header::{ACCEPT, HeaderValue};

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
    request
        .headers_mut()
        .insert(ACCEPT, HeaderValue::from_static("application/json"));
    let response = client.execute(request).await?;
    if let Err(status_error) = response.error_for_status_ref() {
        return Err(ApiError::from(status_error));
    }
    Ok(response.json::<Post>().await?)
}
