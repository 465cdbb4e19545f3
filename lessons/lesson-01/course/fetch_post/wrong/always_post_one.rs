//! Wrong: copies lesson 01's URL and ignores `id`.

use lesson_support::models::Post;
use reqwest::Client;

pub async fn fetch_post(client: &Client, base_url: &str, _id: u64) -> Result<Post, reqwest::Error> {
    client
        .get(format!("{base_url}/posts/1"))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await
}
