//! Correct: it says outright which encodings it can read: `Accept-Encoding: identity, gzip;q=0, *;q=0` (identity only, gzip and everything else refused with q=0, RFC 9110 §12.5.3); a server that reads q-values sends the body as it is, as for a request with no `Accept-Encoding` at all (a check that serves gzip to any header naming `gzip` or `*` would be wrong to).

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;
use reqwest::header::ACCEPT_ENCODING;

use crate::ApiError;

/// The only coding the course's reqwest reads is none at all: say so, and refuse the rest.
const IDENTITY_ONLY: &str = "identity, gzip;q=0, *;q=0";

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let request = client
        .get(format!("{base_url}/posts/{id}"))
        .header(ACCEPT_ENCODING, IDENTITY_ONLY)
        .timeout(limit);
    crate::fetch_json::<Post>(request).await
}
