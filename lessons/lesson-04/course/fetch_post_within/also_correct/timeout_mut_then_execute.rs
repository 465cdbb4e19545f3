//! Right: builds the `Request` first, gives it its own timeout through `timeout_mut()`, sends it with `client.execute`, and sorts the status by hand from the response's head (404 `NotFound`, other 4xx/5xx `Status`, with the response's URL) before decoding the body.

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
    // A URL no request can go to fails here (a builder error, sorted as `Other`) or at
    // `execute` (a scheme other than http/https, `Other` too).
    let mut request = client.get(format!("{base_url}/posts/{id}")).build()?;
    // The same setting `RequestBuilder::timeout` writes: it replaces the client's for this
    // request only, and covers the body as well as the head.
    *request.timeout_mut() = Some(limit);

    let response = client.execute(request).await?;

    // The head is enough to know an error status: do not touch its body.
    let status = response.status();
    if status == StatusCode::NOT_FOUND {
        return Err(ApiError::NotFound {
            url: response.url().to_string(),
        });
    }
    if status.is_client_error() || status.is_server_error() {
        return Err(ApiError::Status {
            status,
            url: response.url().to_string(),
        });
    }

    // Any 2xx: the body must be a post. A body still arriving when `limit` passes fails here
    // with an error that is a timeout, and `From` checks that before "decode".
    let post: Post = response.json().await?;
    Ok(post)
}
