//! Wrong: breaks "`Err(ApiError::Decode(..))` when a successful answer's body is … cut short before its end": reading lib.rs's `Other` ("the connection dropped mid-answer"), it calls a body error `Decode` only when serde_json rejected the bytes, so a body whose connection closes before its `Content-Length` is reached is `Other`; bad JSON, the wrong shape, a slow body (`Timeout`, checked first) and every status are right.

use std::error::Error as _;
use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

use crate::ApiError;

/// Whether serde_json itself rejected the body (as opposed to the transfer failing).
fn is_bad_json(err: &reqwest::Error) -> bool {
    err.source()
        .is_some_and(|cause| cause.is::<serde_json::Error>())
}

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
    match response.json::<Post>().await {
        Ok(post) => Ok(post),
        Err(err) if err.is_timeout() => Err(ApiError::Timeout(err)),
        Err(err) if is_bad_json(&err) => Err(ApiError::Decode(err)),
        // The connection dropped mid-answer: not the body's fault.
        Err(err) => Err(ApiError::Other(err)),
    }
}
