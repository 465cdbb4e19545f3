//! Right: builds the post's URL with the url crate, `Url::parse(base_url)` then `path_segments_mut().push("posts").push(id)` (which keeps a base's path, `/api/v1`, and adds no second slash to a bare host's `/`), and only when the base does not parse or cannot take a path (`not a url`, `mailto:…`) hands reqwest the plain `format!` text, so that reqwest reports it as its own builder error (`Other`) and sends nothing; the rest is the plain chain through the lesson's `From` impl.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::{Client, Url};

use crate::ApiError;

/// `{base_url}/posts/{id}` as a parsed URL, or `None` when `base_url` cannot be the base of
/// one (not a URL at all, or a URL without a path such as `mailto:`).
fn post_url(base_url: &str, id: u64) -> Option<Url> {
    let mut url = Url::parse(base_url).ok()?;
    url.path_segments_mut()
        .ok()?
        .push("posts")
        .push(&id.to_string());
    Some(url)
}

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let request = match post_url(base_url, id) {
        Some(url) => client.get(url),
        // Let reqwest say what is wrong with it, in its own error: nothing is sent.
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
