//! Wrong: reads `limit` in milliseconds and hands the number to `from_secs` (aiohttp's
//! `ClientTimeout(total=...)` takes seconds, the habit of converting): 200 ms becomes 200 s.

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
    let millis = u64::try_from(limit.as_millis()).unwrap_or(u64::MAX);
    let post = client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(Duration::from_secs(millis))
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}
