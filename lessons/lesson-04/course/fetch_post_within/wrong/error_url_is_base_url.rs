//! Wrong: "`NotFound { url }` / `Status { url }` with the URL that was asked for" is broken: the errors are built by hand and carry `base_url` (the server the learner "asked"), not `{base_url}/posts/{id}`.

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
    let response = client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(limit)
        .send()
        .await?;

    let status = response.status();
    if status == StatusCode::NOT_FOUND {
        return Err(ApiError::NotFound {
            url: base_url.to_string(),
        });
    }
    if status.is_client_error() || status.is_server_error() {
        return Err(ApiError::Status {
            status,
            url: base_url.to_string(),
        });
    }
    Ok(response.json::<Post>().await?)
}
