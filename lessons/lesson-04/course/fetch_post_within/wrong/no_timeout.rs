//! Wrong: classifies every failure well, but never sets a timeout, so a slow server is waited
//! for as long as the client's own 30 s allow.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

use crate::ApiError;

pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    _limit: Duration,
) -> Result<Post, ApiError> {
    let post = client
        .get(format!("{base_url}/posts/{id}"))
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}
