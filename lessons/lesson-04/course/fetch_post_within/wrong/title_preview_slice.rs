//! Wrong: "never a panic": after decoding it traces the post with a preview of its title cut at `len().min(40)` bytes; that guards the length but not UTF-8 character boundaries, so a title with a multi-byte character across byte 40 panics instead of returning `Ok(post)`.
use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

use crate::ApiError;

/// Longest title preview in the trace, so a long title does not flood the log.
const PREVIEW: usize = 40;

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let post = client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;

    let preview = &post.title[..post.title.len().min(PREVIEW)];
    eprintln!("fetch_post_within: post {} \"{preview}\"", post.id);
    Ok(post)
}
