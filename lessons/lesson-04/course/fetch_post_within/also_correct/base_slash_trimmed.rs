//! Correct: trims trailing `/` off `base_url` first (Python's `base_url.rstrip("/")`), so a base of `http://host/api/` asks for `/api/posts/1` rather than `/api//posts/1`: the contract's bases have no trailing slash, and trimming one is a kindness, not a breach.

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
    // People paste base URLs with and without a final slash; without this, `http://host/api/`
    // would give `http://host/api//posts/1`. (In Python: `base_url.rstrip("/")`.)
    let base = base_url.trim_end_matches('/');
    let post = client
        .get(format!("{base}/posts/{id}"))
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}
