//! Wrong: unwraps the response, so a server that cannot be reached crashes the program.

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
        .await
        .unwrap();
    let post = response.error_for_status()?.json::<Post>().await?;
    Ok(post)
}
