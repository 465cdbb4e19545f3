//! Correct: builds the `Request` first (`build()?`: a base URL no request can go to is `Other`, nothing sent), sets its timeout through `timeout_mut()`, sends it with `Client::execute`, and sorts the status by hand instead of `error_for_status()` (URL taken from the response, as reqwest's status error does).

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
