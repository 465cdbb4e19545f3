//! Wrong: sets `limit` as a read timeout (aiohttp's `sock_read`), on a new client: it bounds the
//! silence between two reads, not the whole answer, so a body that keeps trickling never ends.

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
    let client = Client::builder().read_timeout(limit).no_proxy().build()?;
    let post = client
        .get(format!("{base_url}/posts/{id}"))
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}
