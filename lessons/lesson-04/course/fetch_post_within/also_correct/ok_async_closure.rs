//! Correct, written another way: the request lives in an async closure (`async |url| { .. }`, stable since Rust 1.85) that captures `client` and `limit` and returns `Result<Post, ApiError>` through `Ok::<_, ApiError>`, and the function only builds the URL and awaits one call of it.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

use crate::ApiError;

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    // One GET with its own timeout; every `?` converts a `reqwest::Error` into its `ApiError`.
    let get_post = async |url: String| {
        let post = client
            .get(url)
            .timeout(limit)
            .send()
            .await?
            .error_for_status()?
            .json::<Post>()
            .await?;
        Ok::<Post, ApiError>(post)
    };
    get_post(format!("{base_url}/posts/{id}")).await
}
