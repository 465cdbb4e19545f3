//! Wrong: `Ok(post)` must be the post as the server sent it: it rewrites Windows line endings (`\r\n` → `\n`) in `title` and `body`, so a post with CRLFs comes back changed (a "no trimming" check with padded spaces passes, since no space is touched).

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
    let mut post = client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    // Servers written on Windows send "\r\n"; Rust strings (and our callers' `lines()`) expect
    // "\n". Like Python's universal newlines, normalise once at the edge.
    if post.title.contains('\r') {
        post.title = post.title.replace("\r\n", "\n");
    }
    if post.body.contains('\r') {
        post.body = post.body.replace("\r\n", "\n");
    }
    Ok(post)
}
