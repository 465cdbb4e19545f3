//! Wrong: sets `limit` as a connect timeout, on a new client: it bounds only the opening of
//! the connection (instant on a server that is up), not the wait for the answer.

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
    let client = Client::builder()
        .connect_timeout(limit)
        .no_proxy()
        .build()?;
    let post = client
        .get(format!("{base_url}/posts/{id}"))
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}
