//! Wrong: checks for a 404 and for server errors (5xx) only, so another client error (400,
//! 403, 410, 429) goes on to be decoded and comes out as Decode.

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
    if status == reqwest::StatusCode::NOT_FOUND {
        return Err(ApiError::NotFound { url });
    }
    if status.is_server_error() {
        return Err(ApiError::Status { status, url });
    }
    Ok(response.json::<Post>().await?)
}
