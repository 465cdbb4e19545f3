//! Right: checks the status in a private extension trait on `Response` (`checked()`: `NotFound`/`Status` with the response's URL, before any of the body is read), with `?` through the lesson's `From` for every other error.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::{Client, Response, StatusCode};

use crate::ApiError;

trait ResponseExt: Sized {
    fn checked(self) -> Result<Self, ApiError>;
}

impl ResponseExt for Response {
    fn checked(self) -> Result<Self, ApiError> {
        let status = self.status();
        if status.is_client_error() || status.is_server_error() {
            let url = self.url().to_string();
            return Err(if status == StatusCode::NOT_FOUND {
                ApiError::NotFound { url }
            } else {
                ApiError::Status { status, url }
            });
        }
        Ok(self)
    }
}

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
        .await?
        .checked()?;
    let post: Post = response.json().await?;
    Ok(post)
}
