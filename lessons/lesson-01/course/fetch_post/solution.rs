//! Exercise 1, solved: fetch one post, typed.

use lesson_support::models::Post;
use reqwest::Client;

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    client
        .get(format!("{base_url}/posts/{id}"))
        .send()
        .await?
        // 404 and 500 become an `Err` carrying the status, before any decoding.
        .error_for_status()?
        // The type to decode into is the function's return type: `json::<Post>()`.
        .json()
        .await
}
