//! Wrong: "nothing of a call outlives it" — on an error status the unread `Response` is `mem::forget`-ed instead of dropped, so its connection (and body) leak and stay open after the call returns.

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
        // The error's body may be slow or never come: don't let the `Response` (and whatever
        // its drop does with the unread body) hold us up. Report the status right away.
        std::mem::forget(response);
        return Err(if status == StatusCode::NOT_FOUND {
            ApiError::NotFound { url }
        } else {
            ApiError::Status { status, url }
        });
    }
    let post = response.json::<Post>().await?;
    Ok(post)
}
