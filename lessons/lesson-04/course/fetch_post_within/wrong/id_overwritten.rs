//! Wrong: `Ok(post)` must be the post as the server sent it, every field unchanged, even when its `id` is not `id` ("whether it is the post wanted is the caller's business"); this overwrites `post.id` with the id asked for, so a 200 carrying post 7 for a request of post 3 comes back as a post 3 with post 7's title and body.

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
    // The post lives at `/posts/{id}`, so that is its id: keep the two consistent for the
    // caller even if the body's copy of it is stale.
    post.id = id;
    Ok(post)
}
