//! Wrong: breaks "ask for no `Accept-Encoding` the client cannot read": it sends `Accept-Encoding: *` ("any coding will do"), which invites gzip, br, zstd… that this reqwest build (no compression features) cannot decode; a server that takes the offer gets `Decode` for a good post. No coding is named, so a check that looks for `gzip`/`br` in the header sees nothing.

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
        // Like `Accept: */*`: tell the server that whatever it has is fine, so that it never
        // answers 406 Not Acceptable to a strict content negotiation.
        .header(ACCEPT_ENCODING, "*")
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}
