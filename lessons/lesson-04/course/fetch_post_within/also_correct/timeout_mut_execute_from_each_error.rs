//! Right: builds the `Request` first and sets its timeout with `timeout_mut()`, sends it with `client.execute`, and checks the status by hand from the head (404 → `NotFound`, other 4xx/5xx → `Status`) before decoding; every `reqwest::Error` still goes through `ApiError::from`.

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
    // A base URL no request can go to fails here (or in `execute`) as a builder error: `Other`.
    let mut request = client.get(format!("{base_url}/posts/{id}")).build()?;
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
    Ok(response.json::<Post>().await?)
}
