//! Wrong: builds the URL with `Url::path_segments_mut().expect(..)`, which panics for a `base_url` that parses but cannot be a base (`mailto:me@example.com`); the contract wants `Other` from `send()` there, never a panic (only the unparsable `not a url` falls back safely).

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::{Client, Url};

use crate::ApiError;

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    // Append the segments with `url`'s own API rather than `Url::join` (which drops the last
    // segment of `…/api/v1`) or string pasting. A base that is not a URL at all is left to
    // reqwest, which reports it at `send()` as `Other`.
    let url = match Url::parse(base_url) {
        Ok(mut url) => {
            url.path_segments_mut()
                .expect("an http(s) URL always has a path")
                .push("posts")
                .push(&id.to_string());
            url.to_string()
        }
        Err(_) => format!("{base_url}/posts/{id}"),
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
