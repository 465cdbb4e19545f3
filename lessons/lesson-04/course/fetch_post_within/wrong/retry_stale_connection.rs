//! Wrong: breaks "one call, one request, whatever happens: no retry": when the server closes the connection without answering (`ApiError::Other`), the request is sent a second time, on the theory that a pooled keep-alive connection went stale.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

use crate::{ApiError, fetch_json};

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let url = format!("{base_url}/posts/{id}");

    // "connection closed before message completed" is the classic symptom of reusing a pooled
    // connection the server had already closed: that is not a real failure of the request,
    // so give it exactly one more go on a fresh connection. Everything else is returned as is:
    // retrying timeouts and 5xx is the caller's business.
    let mut attempt = 0;
    loop {
        attempt += 1;
        match fetch_json::<Post>(client.get(&url).timeout(limit)).await {
            Err(ApiError::Other(_)) if attempt < 2 => continue,
            result => return result,
        }
    }
}
