//! Wrong: breaks "`Duration::MAX` … the request waits as long as the server takes": it caps `limit` at 24 h ("nobody waits longer for a blog post"), so a caller who asked for no limit is given up on after a day.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

use crate::ApiError;

/// Nobody waits longer than this for a blog post.
const SANE_MAX: Duration = Duration::from_secs(24 * 60 * 60);

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    Ok(client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(limit.min(SANE_MAX))
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?)
}
