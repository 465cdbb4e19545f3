//! Wrong: turns only a 404 into an error; a 400 or a 503 goes on to be decoded as a post.

use lesson_support::models::Post;
use reqwest::{Client, StatusCode};

pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let response = client.get(format!("{base_url}/posts/{id}")).send().await?;
    if response.status() == StatusCode::NOT_FOUND {
        return Err(response.error_for_status().unwrap_err());
    }
    response.json().await
}
