//! Right: the one-liner, written with `Client::request(Method::GET, ..)`: the builder, its timeout set to `limit`, is handed to the lesson's `crate::fetch_json::<Post>`, which sends, checks the status, decodes and classifies.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::{Client, Method};

use crate::ApiError;

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let request = client
        .request(Method::GET, format!("{base_url}/posts/{id}"))
        .timeout(limit);
    crate::fetch_json::<Post>(request).await
}
