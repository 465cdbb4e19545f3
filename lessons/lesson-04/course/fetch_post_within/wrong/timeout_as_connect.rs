//! Wrong: calls every failure of `send()` a connection error, so a server that was merely too
//! slow is reported as unreachable.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::{Client, StatusCode};

use crate::ApiError;

pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let url = format!("{base_url}/posts/{id}");
    let response = client
        .get(&url)
        .timeout(limit)
        .send()
        .await
        .map_err(ApiError::Connect)?;
    match response.status() {
        StatusCode::NOT_FOUND => Err(ApiError::NotFound { url }),
        status if !status.is_success() => Err(ApiError::Status { status, url }),
        _ => response.json::<Post>().await.map_err(ApiError::Decode),
    }
}
