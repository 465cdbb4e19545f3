//! Wrong: breaks "never a panic" (and "`Other(..)` for … a `base_url` that no request can go to"): translating Python's `base_url[-1] == "/"` to avoid a double slash, it reads the last byte with `base_url.as_bytes()[base_url.len() - 1]`, which panics ("attempt to subtract with overflow" in a debug build, an index out of bounds in a release one) on an empty `base_url`, a base URL no request can go to that should be `Other` like `not a url`; `not a url`, `mailto:…`, every base with a path, and every answer, status, timing and body are right (a base that already ends in `/` is given no second one).

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
    // Python: `sep = "" if base_url[-1] == "/" else "/"`. A base URL copied from a browser
    // often ends in a slash, and `//posts` is not the same path to every server.
    let last = base_url.as_bytes()[base_url.len() - 1];
    let separator = if last == b'/' { "" } else { "/" };
    let url = format!("{base_url}{separator}posts/{id}");

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
