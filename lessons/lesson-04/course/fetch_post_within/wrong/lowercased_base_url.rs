//! Wrong: the base URL is normalised to lower case ("URLs are case-insensitive"), but only the scheme and host are: a base URL whose path has capitals (`http://host/API/v1`) gets its GET, and its `NotFound`/`Status` URL, at another path than `{base_url}/posts/{id}`.

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
    // Normalise, so that `HTTP://Example.COM` and `http://example.com` are the same URL (and
    // share a pooled connection).
    let base = base_url.to_ascii_lowercase();
    let post = client
        .get(format!("{base}/posts/{id}"))
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}
