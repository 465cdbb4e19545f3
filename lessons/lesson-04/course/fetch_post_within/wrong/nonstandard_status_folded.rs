//! Wrong: an error status without a standard name (nginx's 499, Cloudflare's 520-527, ...) is folded into 400 or 502 before it is reported, so `Status { status, .. }` no longer carries the status the server sent.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::{Client, StatusCode};

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
    if status.is_client_error() || status.is_server_error() {
        let url = response.url().to_string();
        if status == StatusCode::NOT_FOUND {
            return Err(ApiError::NotFound { url });
        }
        // Vendor-specific codes mean nothing to a caller's `match` on `StatusCode` constants:
        // normalise them to the standard code of their class (Cloudflare's 52x are all "the
        // origin did not answer properly", i.e. a bad gateway).
        let status = if status.canonical_reason().is_some() {
            status
        } else if status.is_server_error() {
            StatusCode::BAD_GATEWAY
        } else {
            StatusCode::BAD_REQUEST
        };
        return Err(ApiError::Status { status, url });
    }
    Ok(response.json::<Post>().await?)
}
