//! Wrong: builds a new client with the timeout on every call, instead of setting the timeout on
//! the request: the given client (and its open connections) is never used.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

use crate::ApiError;

pub async fn fetch_post_within(
    _client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let client = Client::builder().timeout(limit).no_proxy().build()?;
    let post = client
        .get(format!("{base_url}/posts/{id}"))
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}
