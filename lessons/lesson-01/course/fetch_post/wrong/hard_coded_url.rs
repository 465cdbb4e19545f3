//! Wrong: always asks the public API, whatever `base_url` says.

use lesson_support::models::Post;
use reqwest::Client;

pub async fn fetch_post(client: &Client, _base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let url = format!("http://127.0.0.1:3000/posts/{id}");
    client
        .get(url)
        .send()
        .await?
        .error_for_status()?
        .json()
        .await
}
