//! Wrong: breaks "`base_url` may end in a path: the post is then at `http://host/api/v1/posts/{id}`": `Url::join("posts/{id}")` on a base without a trailing slash replaces its last segment, so `http://host/api/v1` asks for `http://host/api/posts/{id}` (right only when the base has no path).

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
    // Let the url crate put the pieces together instead of gluing strings: a relative
    // reference (no leading slash, so the base's path is kept, not replaced).
    let url = reqwest::Url::parse(base_url)
        .and_then(|base| base.join(&format!("posts/{id}")))
        .map(|url| url.to_string())
        // An unparsable base: let reqwest report it (a builder error, `ApiError::Other`).
        .unwrap_or_else(|_| format!("{base_url}/posts/{id}"));

    let post = client
        .get(url)
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}
