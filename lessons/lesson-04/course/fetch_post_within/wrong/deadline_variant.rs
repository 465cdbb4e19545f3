//! Wrong: breaks "`Err(ApiError::Timeout(..))` when it does not [arrive within `limit`]": the limit is enforced with `tokio::time::timeout` around the whole call, so a slow server gives `ApiError::Deadline` (the `#[from] Elapsed`), not `ApiError::Timeout`; timing and every other variant are right.

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
    // One bound around everything (send, status, body), exactly as the chapter's deadline does:
    // the client's 30 s stays untouched, and when `limit` passes the request is dropped.
    // The outer `?` turns `Elapsed` into an `ApiError`; what is left is the call's own result.
    tokio::time::timeout(limit, crate::fetch_post(client, base_url, id)).await?
}
