//! Right: uses `client.request(Method::GET, ..)`, checks the status with `error_for_status_ref()?` (borrowing instead of consuming), and decodes with a type annotation instead of a turbofish.

use lesson_support::models::Post;
use reqwest::{Client, Method};

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let url = format!("{base_url}/posts/{id}");
    let response = client.request(Method::GET, url.as_str()).send().await?;

    // Any 4xx or 5xx becomes an `Err` carrying the status; the body is never read as a post.
    response.error_for_status_ref()?;

    let post: Post = response.json().await?;
    Ok(post)
}
