//! Wrong: breaks "never a panic": it sorts the status with an exhaustive numeric `match` (2xx decoded, 404 `NotFound`, 400..=599 `Status`, with the URL), and, since "reqwest follows redirects and hyper handles 1xx", marks everything else `unreachable!()`; but reqwest hands over any 3xx it does not follow (a `304 Not Modified`, a `300 Multiple Choices`, a 301/302 without a `Location`) and any status above 599, and each of those panics instead of being decoded (`Decode`, or `Ok` if its body is a post); every 2xx, every 4xx/5xx, timing, connect failure, body and bad base URL is right.

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
    let response = client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(limit)
        .send()
        .await?;
    let status = response.status();
    let url = response.url().to_string();
    match status.as_u16() {
        200..=299 => Ok(response.json::<Post>().await?),
        404 => Err(ApiError::NotFound { url }),
        400..=599 => Err(ApiError::Status { status, url }),
        // The client follows redirects itself, and informational answers never reach us.
        other => unreachable!("status {other} cannot reach this point: reqwest follows redirects"),
    }
}
