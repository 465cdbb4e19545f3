//! Wrong: "posts go from 1 to 100", so it clamps the id into that range: post 101 comes back as
//! post 100 instead of the server's 404.

use lesson_support::models::Post;
use reqwest::Client;

pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let id = id.clamp(1, 100);
    client
        .get(format!("{base_url}/posts/{id}"))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await
}
