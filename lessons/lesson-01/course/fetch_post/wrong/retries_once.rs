//! Wrong: tries a second time when the first answer is an error, so a failing post costs the
//! server two requests.

use lesson_support::models::Post;
use reqwest::Client;

pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let url = format!("{base_url}/posts/{id}");
    let first = client.get(&url).send().await?;
    let response = if first.status().is_success() {
        first
    } else {
        client.get(&url).send().await?
    };
    response.error_for_status()?.json().await
}
