//! Wrong: classifies by step, "whatever `.json()` fails with is Decode", so a body that is
//! still arriving when `limit` passes is reported as a bad body instead of a timeout.

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
    let response = client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?;
    response.json::<Post>().await.map_err(ApiError::Decode)
}
