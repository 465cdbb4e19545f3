//! Wrong: reports a 404 with the path it asked for (`/posts/{id}`) instead of the whole URL, so
//! the caller cannot tell which server (or which base path) said so.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

use crate::ApiError;

pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let path = format!("/posts/{id}");
    let response = client
        .get(format!("{base_url}{path}"))
        .timeout(limit)
        .send()
        .await?;
    if response.status() == reqwest::StatusCode::NOT_FOUND {
        return Err(ApiError::NotFound { url: path });
    }
    Ok(response.error_for_status()?.json::<Post>().await?)
}
