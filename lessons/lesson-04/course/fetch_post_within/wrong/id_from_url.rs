//! Wrong: breaks "`Ok(post)`, the post as the server sent it (every field unchanged …)" and "A well-formed post whose `id` is not `id` is `Ok` too: whether it is the post wanted is the caller's business": it stamps the id it asked for onto the post it returns (`Post { id, ..post }`, "the URL is the authority on which post this is; the body's `id` is the server's bookkeeping"), so a 200 carrying post 8 for a request for post 7 comes back as `Ok` with `id: 7`, and the caller can no longer see the mismatch; every answer whose id matches, every status, variant, timing and request count are right.

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
    let post = client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    // We asked for `/posts/{id}`: that is the post this is, whatever its body calls itself.
    Ok(Post { id, ..post })
}
