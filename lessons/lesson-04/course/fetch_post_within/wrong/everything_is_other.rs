//! Wrong: wraps every failure in the one variant that takes any `reqwest::Error`, so the caller
//! cannot tell a timeout from a missing post.

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
    client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(limit)
        .send()
        .await
        .map_err(ApiError::Other)?
        .error_for_status()
        .map_err(ApiError::Other)?
        .json::<Post>()
        .await
        .map_err(ApiError::Other)
}
