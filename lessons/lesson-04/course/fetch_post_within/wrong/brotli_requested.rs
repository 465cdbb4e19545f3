//! Wrong: the encoding clause: it asks for Brotli (`Accept-Encoding: br`), which the course's reqwest cannot decode (it has no decompression feature), so a server that honours the header sends a compressed body and a valid post comes back as `Decode`.

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
    let post = client
        .get(format!("{base_url}/posts/{id}"))
        // Posts are text and shrink a lot with Brotli: less to wait for on a slow link, so
        // more of `limit` goes to the answer itself.
        .header(ACCEPT_ENCODING, "br")
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}
