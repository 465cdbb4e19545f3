//! Correct: checks the status with `error_for_status_ref` (keeping the response), converts
//! with `.into()`, and decodes with a type annotation instead of a turbofish.

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
    let request = client.get(format!("{base_url}/posts/{id}")).timeout(limit);
    let response = request.send().await?;
    if let Err(err) = response.error_for_status_ref() {
        return Err(err.into());
    }
    let post: Post = response.json().await?;
    Ok(post)
}
