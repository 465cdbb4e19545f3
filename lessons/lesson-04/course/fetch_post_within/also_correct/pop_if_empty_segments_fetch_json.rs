//! Right: builds the URL with `Url::path_segments_mut` (`pop_if_empty`, then `posts`, `id`), falling back to the plain string when `base_url` does not parse or cannot be a base so that reqwest reports it at `send()`, and hands the builder, timeout set, to the lesson's `crate::fetch_json`.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::{Client, Url};

use crate::ApiError;

fn post_url(base_url: &str, id: u64) -> String {
    let fallback = format!("{base_url}/posts/{id}");
    let Ok(mut url) = Url::parse(base_url) else {
        return fallback;
    };
    match url.path_segments_mut() {
        Ok(mut segments) => {
            segments.pop_if_empty().push("posts").push(&id.to_string());
        }
        Err(()) => return fallback,
    }
    url.into()
}

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    crate::fetch_json(client.get(post_url(base_url, id)).timeout(limit)).await
}
