//! Wrong: breaks "`Other(..)` for any other failure, such as a server that closes the connection without answering": every `send()` failure that is not a timeout is reported as `ApiError::Connect`, so a hang-up after connecting (and any other send failure) is called a failed connection.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

use crate::ApiError;

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let url = format!("{base_url}/posts/{id}");

    let response = match client.get(&url).timeout(limit).send().await {
        Ok(response) => response,
        // The pitfall from the chapter: `send()` also fails on a timeout, so ask first.
        Err(err) if err.is_timeout() => return Err(ApiError::Timeout(err)),
        // Anything else from send(): no response came back, so the connection failed.
        Err(err) => return Err(ApiError::Connect(err)),
    };

    // From here on the `From` impl sorts status and decode errors.
    let post = response.error_for_status()?.json::<Post>().await?;
    Ok(post)
}
