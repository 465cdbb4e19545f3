//! Wrong: breaks "`Ok(post)`, the post as the server sent it": it tidies the post before handing it over, `trim()` on `title` and `body` (Python's `.strip()`: "servers pad text with spaces and newlines"), so a post whose title or body starts or ends with whitespace comes back changed; every post without such padding, every status, variant, timing and request count is right.

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
    let mut post: Post =
        fetch_json(client.get(format!("{base_url}/posts/{id}")).timeout(limit)).await?;

    // Stray whitespace around text fields is an artefact of how the data was entered, not
    // part of the post: clean it once here so that no caller has to.
    post.title = post.title.trim().to_owned();
    post.body = post.body.trim().to_owned();
    Ok(post)
}
