//! Wrong: breaks "never a panic" (and "`Other(..)` for any other failure"): the URL is built with the url crate and `.expect(..)`, which is right for every usable base URL (a path, a trailing slash) but panics on a malformed or cannot-be-a-base `base_url` instead of returning `ApiError::Other` (a builder error).

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
    // Append segments rather than joining strings: keeps `/api/v1`, copes with a trailing
    // slash, and percent-encodes for us.
    let mut url = reqwest::Url::parse(base_url).expect("base_url is an absolute URL");
    url.path_segments_mut()
        .expect("an http(s) URL can be a base")
        .pop_if_empty()
        .push("posts")
        .push(&id.to_string());

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
