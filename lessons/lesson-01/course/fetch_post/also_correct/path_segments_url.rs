//! Correct, written another way: builds the URL with `Url::path_segments_mut` (appending the
//! segments `posts` and the id to the base's own path) instead of `format!`, judges the status
//! with `error_for_status_ref` and an early return, and falls back to the plain `format!` string when
//! the base is no URL (or cannot take segments), so that `send()` reports it just as it would.
//! For every base the contract allows (no trailing `/`, maybe a path), the URL is exactly
//! `{base_url}/posts/{id}`: a root path `/` gets no extra slash, and `/api/v1` keeps its segments.

use lesson_support::models::Post;
use reqwest::{Client, Url};

/// `{base_url}/posts/{id}`, built segment by segment when `base_url` parses as a URL with a
/// path; otherwise the text as it is, for `send()` to reject.
fn post_url(base_url: &str, id: u64) -> String {
    if let Ok(mut url) = Url::parse(base_url) {
        let appended = match url.path_segments_mut() {
            Ok(mut segments) => {
                segments.pop_if_empty().push("posts").push(&id.to_string());
                true
            }
            Err(()) => false,
        };
        if appended {
            return String::from(url);
        }
    }
    format!("{base_url}/posts/{id}")
}

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let response = client.get(post_url(base_url, id)).send().await?;
    response.error_for_status_ref()?;
    response.json().await
}
