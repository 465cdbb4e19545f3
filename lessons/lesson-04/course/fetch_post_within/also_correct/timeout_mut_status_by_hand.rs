//! Right: builds the `Request` with `build()`, sets its timeout through `Request::timeout_mut`, sends it with `Client::execute`, and sorts the error statuses by hand (404 to `NotFound`, any other 4xx/5xx to `Status`, with the response's URL) before decoding with `json()`.

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
    // A base URL that does not parse fails here, as a builder error: `Other`, nothing sent.
    let mut request = client.get(format!("{base_url}/posts/{id}")).build()?;
    // The request's own timeout, replacing the client's for this request only.
    *request.timeout_mut() = Some(limit);

    let response = client.execute(request).await?;
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

    let post = response.json::<Post>().await?;
    Ok(post)
}
