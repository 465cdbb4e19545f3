//! Right: chains the send and the status check as one `Result` with `and_then(Response::error_for_status)`, and names the decoded type on a `let` binding instead of a turbofish.

use lesson_support::models::Post;
use reqwest::{Client, Response};

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let url = format!("{base_url}/posts/{id}");
    let response = client
        .get(url)
        .send()
        .await
        .and_then(Response::error_for_status)?;
    let post: Post = response.json().await?;
    Ok(post)
}
