//! Correct: it sends `Accept-Encoding: identity` by hand, asking for the body uncompressed, which every client can read (the clause forbids only encodings the client cannot read); otherwise the hint's chain, through `crate::fetch_json`.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;
use reqwest::header::{ACCEPT_ENCODING, HeaderValue};

use crate::ApiError;

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    // The course's reqwest has no decompression features: say so, so that no server sends a
    // gzip body this client would hand to serde as is.
    let request = client
        .get(format!("{base_url}/posts/{id}"))
        .header(ACCEPT_ENCODING, HeaderValue::from_static("identity"))
        .timeout(limit);
    crate::fetch_json::<Post>(request).await
}
