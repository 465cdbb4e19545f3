//! Wrong: never a panic: it logs the first line of the post's body with `.lines().next().expect(..)`, which panics on a well-formed post whose `body` is `""` (every JSONPlaceholder post has a body, so a check built from realistic fixtures never sends an empty one).

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
    let post: Post =
        crate::fetch_json(client.get(format!("{base_url}/posts/{id}")).timeout(limit)).await?;
    let first_line = post.body.lines().next().expect("a post always has a body");
    eprintln!("post {}: {:?} ({first_line}...)", post.id, post.title);
    Ok(post)
}
