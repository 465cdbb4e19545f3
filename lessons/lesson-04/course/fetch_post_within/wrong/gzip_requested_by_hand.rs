//! Wrong: breaks "`Ok(post)` when a successful answer arrives whole": it sets `Accept-Encoding: gzip, deflate, br` by hand ("fewer bytes, so the answer fits in `limit` sooner"), but the course builds reqwest without its `gzip`/`deflate`/`brotli` features, so nothing decompresses the body: from any server that honours the header (the real JSONPlaceholder does) a good post comes back as `Decode`.

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
        // Ask for a compressed body: fewer bytes on the wire, so a slow link still delivers the
        // whole answer within `limit`.
        .header(ACCEPT_ENCODING, "gzip, deflate, br")
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}
