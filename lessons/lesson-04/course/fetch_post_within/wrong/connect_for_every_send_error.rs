//! Wrong: sorts out timeouts, but calls every other failure of `send()` a connection error,
//! so a server that accepted the request and hung up is reported as unreachable.

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
            if err.is_timeout() {
                ApiError::Timeout(err)
            } else {
                ApiError::Connect(err)
            }
        })?;
    Ok(response.error_for_status()?.json::<Post>().await?)
}
