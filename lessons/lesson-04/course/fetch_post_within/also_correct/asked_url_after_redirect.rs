//! Correct: builds the `Request` itself and sends it with `Client::execute` (timeout set through `timeout_mut`), sorts the status by hand, and always puts the URL it asked for in `NotFound` and `Status`, even after a redirect, which the contract allows as much as the URL the redirect led to.

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
    // `build` fails for a URL no request can go to (`not a url`): a builder error, so `Other`.
    let mut request = client.get(format!("{base_url}/posts/{id}")).build()?;
    *request.timeout_mut() = Some(limit);
    let asked = request.url().to_string();
    // `execute` is what `send` does: the client adds its default headers, applies the
    // request's timeout and follows redirects.
    let response = client.execute(request).await?;
    let status = response.status();
    if status == StatusCode::NOT_FOUND {
        return Err(ApiError::NotFound { url: asked });
    }
    if status.is_client_error() || status.is_server_error() {
        return Err(ApiError::Status { status, url: asked });
    }
    Ok(response.json::<Post>().await?)
}
