//! Wrong: an error status must be reported as soon as the head arrives, without reading its body; this drains the 404/4xx/5xx body first ("so the connection can go back to the pool"), so a slow or never-ending error body holds the `NotFound`/`Status` back until the body ends or `limit` passes.

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
    if status.is_client_error() || status.is_server_error() {
        let url = response.url().to_string();
        // Read the rest of the error page so the connection is left clean and can be reused by
        // the next request: an unread body makes the pool throw the connection away.
        let _ = response.bytes().await;
        return Err(if status == StatusCode::NOT_FOUND {
            ApiError::NotFound { url }
        } else {
            ApiError::Status { status, url }
        });
    }
    Ok(response.json::<Post>().await?)
}
