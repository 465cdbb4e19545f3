//! Wrong: calls every client error (4xx) NotFound, as if "the request was refused" meant "no
//! such post": a 400, 403 or 429 is not a missing post.

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
    let url = format!("{base_url}/posts/{id}");
    let response = client.get(&url).timeout(limit).send().await?;
    let status = response.status();
    if status.is_client_error() {
        return Err(ApiError::NotFound { url });
    }
    if status.is_server_error() {
        return Err(ApiError::Status { status, url });
    }
    Ok(response.json::<Post>().await?)
}
