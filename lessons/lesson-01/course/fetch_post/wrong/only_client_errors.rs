//! Wrong: treats only 4xx as errors ("the request was bad"); a 500 or 503 is decoded as a post.

use lesson_support::models::Post;
use reqwest::Client;

pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let response = client.get(format!("{base_url}/posts/{id}")).send().await?;
    if response.status().is_client_error() {
        return Err(response.error_for_status().unwrap_err());
    }
    response.json::<Post>().await
}
