//! Correct, written another way: the request carries its own `User-Agent` (a header the contract leaves free; the client's other requests keep the client's), goes through the `client` it was given with `.timeout(limit)`, and is handed to `crate::fetch_json` for sending, status, decoding and classification.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;
use reqwest::header::USER_AGENT;

use crate::ApiError;

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    // Polite APIs like to know who calls: name this exercise, on this request only.
    let request = client
        .get(format!("{base_url}/posts/{id}"))
        .header(
            USER_AGENT,
            "async-http-course exercise 9 (fetch_post_within)",
        )
        .timeout(limit);
    crate::fetch_json::<Post>(request).await
}
