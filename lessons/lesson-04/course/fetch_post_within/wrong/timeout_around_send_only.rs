//! Wrong: bounds only `send()` with `tokio::time::timeout` (as `asyncio.wait_for` around the
//! request): the error is our own Deadline rather than the request's Timeout, and the body is
//! not bounded at all.

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
    let response =
        tokio::time::timeout(limit, client.get(format!("{base_url}/posts/{id}")).send()).await??;
    let post = response.error_for_status()?.json::<Post>().await?;
    Ok(post)
}
