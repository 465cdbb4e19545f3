//! Wrong: "each call on its own, keeping nothing between calls" and "one GET `{base_url}/posts/{id}`": the `{base_url}/posts/` prefix is built on the first call and kept in a `OnceLock`, so every later call, whatever `base_url` it is given, asks the first call's server.

use std::sync::OnceLock;
use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

use crate::ApiError;

/// The part of the URL that does not depend on the id. The base URL is configuration: it does
/// not change while the program runs, so format it once instead of on every call.
static POSTS_PREFIX: OnceLock<String> = OnceLock::new();

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let prefix = POSTS_PREFIX.get_or_init(|| format!("{base_url}/posts/"));
    let post = client
        .get(format!("{prefix}{id}"))
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}
