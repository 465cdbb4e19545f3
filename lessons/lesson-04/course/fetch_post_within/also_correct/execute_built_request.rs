//! Correct: builds the request first, sets its timeout through `timeout_mut`, and sends it
//! with `client.execute`; errors go through `ApiError::from` explicitly.

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
    let mut request = client
        .get(format!("{base_url}/posts/{id}"))
        .build()
        .map_err(ApiError::from)?;
    *request.timeout_mut() = Some(limit);
    let response = client.execute(request).await.map_err(ApiError::from)?;
    let response = response.error_for_status().map_err(ApiError::from)?;
    response.json::<Post>().await.map_err(ApiError::from)
}
