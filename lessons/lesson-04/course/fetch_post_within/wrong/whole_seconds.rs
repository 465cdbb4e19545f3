//! Wrong: converts `limit` to whole seconds on the way (`Duration::from_secs(limit.as_secs())`),
//! so 200 ms becomes a timeout of zero that gives up before the request is even sent.

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
    let seconds = limit.as_secs();
    let post = client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(Duration::from_secs(seconds))
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}
