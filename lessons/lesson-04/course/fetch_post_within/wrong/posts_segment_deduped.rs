//! Wrong: a base URL that already ends in `/posts` does not get a second `/posts` segment, so for an API mounted under `http://host/posts` the GET goes to `http://host/posts/{id}` instead of `{base_url}/posts/{id}`.

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
    // Callers sometimes pass the collection's URL as the base: do not ask for
    // `/posts/posts/1` then.
    let url = if base_url.ends_with("/posts") {
        format!("{base_url}/{id}")
    } else {
        format!("{base_url}/posts/{id}")
    };
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
