//! Right: builds the request with `client.request(Method::GET, ..)` and `.timeout(limit)`, and hands it to the lesson's own `crate::fetch_json::<Post>` instead of writing the three `?` again; the classification is the same `From` impl.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::{Client, Method};

use crate::{ApiError, fetch_json};

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
    fetch_json::<Post>(request).await
}
