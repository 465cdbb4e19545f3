//! Wrong: unwraps `error_for_status()`, so a 404 crashes the program instead of being returned
//! as an `Err`.

use lesson_support::models::Post;
use reqwest::Client;

pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let response = client
        .get(format!("{base_url}/posts/{id}"))
        .send()
        .await?
        .error_for_status()
        .unwrap();
    response.json().await
}
