//! Wrong: `limit` must replace the client's timeout whatever that is, but this skips `.timeout(limit)` when `limit` equals the course client's 30 s (`REQUEST_TIMEOUT`), so a client built with another timeout keeps its own for a 30 s limit.

use std::time::Duration;

use lesson_support::client::REQUEST_TIMEOUT;
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
    let mut request = client.get(format!("{base_url}/posts/{id}"));
    // The course's client already gives every request REQUEST_TIMEOUT: only override it when
    // the caller asks for something else.
    if limit != REQUEST_TIMEOUT {
        request = request.timeout(limit);
    }
    let post = request
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}
