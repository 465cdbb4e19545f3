//! Wrong: "never a panic" — a successful answer without an exact length (chunked transfer, or a compressed body the client decodes) hits `expect` on `content_length()`.

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
    let response = client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?;
    // A JSON API answers with a Content-Length: note how big the post is, so a slow answer can
    // be told apart from a big one when reading the logs.
    let length = response
        .content_length()
        .expect("a JSON answer announces its length");
    eprintln!(
        "GET {}: {length} bytes to read within {limit:?}",
        response.url()
    );
    let post = response.json::<Post>().await?;
    Ok(post)
}
