//! Wrong: encoding clause: it sends `Accept-Encoding: identity;q=0`, meant as "no compression", which in HTTP refuses the only coding this client can read (identity), so a server may answer gzip/br or 406.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;
use reqwest::header::ACCEPT_ENCODING;

use crate::ApiError;

/// Fetches post `id`, giving up after `limit`, classifying any failure.
///
/// The client cannot decompress anything, so tell the server not to compress: `q=0` is
/// "compression level zero" for the plain, identity coding.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let post = client
        .get(format!("{base_url}/posts/{id}"))
        .header(ACCEPT_ENCODING, "identity;q=0")
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}
