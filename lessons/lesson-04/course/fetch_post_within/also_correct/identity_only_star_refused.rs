//! Correct, written another way: it sends `Accept-Encoding: identity;q=1, *;q=0`, saying outright that only the unencoded body is acceptable: `*;q=0` refuses every other coding while the more specific `identity;q=1` keeps identity acceptable (RFC 9110 section 12.5.3), so it asks for nothing the client cannot read; a check that flags any `*;q=0`, or reads q-values without letting `identity` override `*`, would reject it.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;
use reqwest::header::ACCEPT_ENCODING;

use crate::ApiError;

/// The body as is, and nothing else: the client decodes no content coding.
const IDENTITY_ONLY: &str = "identity;q=1, *;q=0";

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let post = client
        .get(format!("{base_url}/posts/{id}"))
        .header(ACCEPT_ENCODING, IDENTITY_ONLY)
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}
