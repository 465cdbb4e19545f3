//! Right: appends `posts/{id}` to the base URL with `Url::path_segments_mut` when the base can take a path (falling back to the plain string, which reqwest then rejects as `Other`, when it cannot), and hands `client.request(Method::GET, ..).timeout(limit)` to the lesson's `fetch_json`.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::{Client, Method, Url};

use crate::ApiError;

/// `{base_url}/posts/{id}`, keeping any path the base URL has (`…/api/v1/posts/{id}`).
fn post_url(base_url: &str, id: u64) -> String {
    if let Ok(mut url) = Url::parse(base_url) {
        let appended = match url.path_segments_mut() {
            Ok(mut segments) => {
                segments.push("posts").push(&id.to_string());
                true
            }
            Err(()) => false,
        };
        if appended {
            return url.into();
        }
    }
    // Not a URL, or one that cannot take a path (`mailto:`): reqwest reports it at `send()`.
    format!("{base_url}/posts/{id}")
}

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    crate::fetch_json(
        client
            .request(Method::GET, post_url(base_url, id))
            .timeout(limit),
    )
    .await
}
