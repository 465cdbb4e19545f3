//! Wrong: files a timeout under "could not connect" (`is_timeout() || is_connect()` gives
//! Connect), so a server that was merely slow is reported as unreachable.

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
        .map_err(|err| {
            if err.is_timeout() || err.is_connect() {
                ApiError::Connect(err)
            } else {
                ApiError::Other(err)
            }
        })?;
    Ok(response.error_for_status()?.json::<Post>().await?)
}
