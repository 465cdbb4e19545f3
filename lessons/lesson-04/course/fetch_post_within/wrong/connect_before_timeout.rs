//! Wrong: breaks the hints' and chapter's rule behind "`Timeout` when it does not [arrive within `limit`]" vs "`Connect` when no connection can be made" (`is_timeout()` before `is_connect()`, "a timeout while connecting is both"): its hand-written classifier asks `is_connect()` first, so a connection attempt that hangs until the client's 5 s `connect_timeout` (packets dropped, `limit` above 5 s) is reported as `Connect`; refused ports, slow answers and slow bodies (where only one of the two is true) are all right.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::{Client, StatusCode};

use crate::ApiError;

/// Sorts any `reqwest::Error` into its variant: status first, then by what failed.
fn classify(err: reqwest::Error) -> ApiError {
    let url = err.url().map(ToString::to_string).unwrap_or_default();
    match err.status() {
        Some(StatusCode::NOT_FOUND) => ApiError::NotFound { url },
        Some(status) => ApiError::Status { status, url },
        // The connection is the first thing that can fail, so ask about it first.
        None if err.is_connect() => ApiError::Connect(err),
        None if err.is_timeout() => ApiError::Timeout(err),
        None if err.is_decode() => ApiError::Decode(err),
        None => ApiError::Other(err),
    }
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
        .await
        .map_err(classify)?;
    let response = response.error_for_status().map_err(classify)?;
    response.json::<Post>().await.map_err(classify)
}
