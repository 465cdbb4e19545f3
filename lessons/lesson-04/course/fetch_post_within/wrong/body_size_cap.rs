//! Wrong: "`Ok(post)`, the post as the server sent it, when a successful answer (any 2xx) arrives whole, body included, within `limit`": a 2xx whose `Content-Length` is over 16 KiB is refused as `Status { 413 Payload Too Large }` before its body is read, so a well-formed post with a long `body` is never returned.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::{Client, StatusCode};

use crate::ApiError;

/// A post is a title and a paragraph or two: a few hundred bytes. Refuse to buffer anything
/// much bigger, so that a hostile or broken server cannot make us hold megabytes in memory.
const MAX_POST_BYTES: u64 = 16 * 1024;

/// Fetches post `id`, giving up after `limit`, classifying any failure.
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
        .await?
        .error_for_status()?;
    if response
        .content_length()
        .is_some_and(|length| length > MAX_POST_BYTES)
    {
        return Err(ApiError::Status {
            status: StatusCode::PAYLOAD_TOO_LARGE,
            url: response.url().to_string(),
        });
    }
    let post = response.json::<Post>().await?;
    Ok(post)
}
