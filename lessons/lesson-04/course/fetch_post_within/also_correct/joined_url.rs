//! Correct: builds the URL with `Url::join` rather than `format!` — it parses `{base_url}/` and joins `posts/{id}` onto it, which gives the very same URL for any base a request can go to (no path, a path like `/api/v1`, even a trailing slash), and hands reqwest the formatted string when the base is no URL or cannot be a base (`not a url`, `mailto:`), so that `send()` reports that as `Other` with nothing sent.

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
    let request = match post_url(base_url, id) {
        Some(url) => client.get(url),
        // Not a base we can join onto: reqwest says why at `send()`, as for any bad URL.
        None => client.get(format!("{base_url}/posts/{id}")),
    };
    let post = request
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}

/// `{base_url}/posts/{id}` as a parsed URL. The slash added to the base makes its last segment
/// a directory, so the join goes below it (`http://host/api/v1/` + `posts/1`) instead of
/// replacing it (`http://host/api/` + `posts/1`, what joining onto `http://host/api/v1` gives).
fn post_url(base_url: &str, id: u64) -> Option<Url> {
    let base = Url::parse(&format!("{base_url}/")).ok()?;
    base.join(&format!("posts/{id}")).ok()
}
