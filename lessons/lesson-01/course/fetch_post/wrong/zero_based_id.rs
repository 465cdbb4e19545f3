//! Wrong: subtracts one from the id, as if indexing a zero-based Python list of posts.

use lesson_support::models::Post;
use reqwest::Client;

pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let index = id - 1;
    client
        .get(format!("{base_url}/posts/{index}"))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await
}
