//! Wrong: breaks "`Ok(post)` when the whole answer, body included, arrives within `limit`" and "`NotFound { url }` for a 404": it checks that the post which came back has the id asked for, and reports a 200 carrying any other post as `ApiError::NotFound` ("the API did not find *our* post"), so a server that answers with a well-formed post of another id gets an error instead of `Ok(post)`; every answer whose post id matches, every status, timing and body is right.

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
    let post: Post = fetch_json(client.get(&url).timeout(limit)).await?;

    // A catch-all route or a misconfigured proxy can answer 200 with some other post: that is
    // not the post we asked for, so as far as the caller is concerned it was not found.
    if post.id != id {
        return Err(ApiError::NotFound { url });
    }
    Ok(post)
}
