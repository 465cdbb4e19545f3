//! Correct: unusual because it asks explicitly for `Accept-Encoding: identity` (no content coding, the one coding every client reads; RFC 9110 §12.5.3) and builds the `Request` first, then runs it with `Client::execute`. It asks for no coding the client cannot read, so a check that wants the header absent altogether would be stricter than the contract.

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
    // `build()` fails for a URL no request can go to (`not a url`, `mailto:…`): a builder
    // error, which `?` classifies as `Other`, before anything is sent.
    let request = client
        .get(format!("{base_url}/posts/{id}"))
        .header(ACCEPT_ENCODING, "identity")
        .timeout(limit)
        .build()?;
    let post = client
        .execute(request)
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}
