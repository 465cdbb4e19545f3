//! Right: sends `Accept-Encoding: identity` of its own (the body as stored, uncompressed): an encoding the client can read, so the post comes back as sent.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;
use reqwest::header::ACCEPT_ENCODING;

use crate::ApiError;

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    // Ask for the body exactly as the server stores it, with no compression: then `limit` is
    // spent on the bytes of the post itself, and a body cut short shows up as cut short rather
    // than as a broken gzip stream.
    let post = client
        .get(format!("{base_url}/posts/{id}"))
        .header(ACCEPT_ENCODING, "identity")
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}
