//! Right: builds the `Request` first, sets its timeout through `Request::timeout_mut` and sends it with `Client::execute`, then reads the status by hand (404 to `NotFound`, any other 4xx/5xx to `Status`, with the answer's URL) instead of `error_for_status()`.

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
    // The same setting as `RequestBuilder::timeout`, written on the finished request: it
    // replaces the client's timeout for this request only.
    let mut request = client.get(format!("{base_url}/posts/{id}")).build()?;
    *request.timeout_mut() = Some(limit);
    let response = client.execute(request).await?;

    // The head is enough to know an error status: return before touching the body.
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

    Ok(response.json::<Post>().await?)
}
