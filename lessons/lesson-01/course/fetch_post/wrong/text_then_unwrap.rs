//! Wrong: reads the body as text and parses it with `serde_json::from_str(..).unwrap()`: a body
//! that is not a post panics instead of being an `Err`.

use lesson_support::models::Post;
use reqwest::Client;

pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let text = client
        .get(format!("{base_url}/posts/{id}"))
        .send()
        .await?
        .error_for_status()?
        .text()
        .await?;
    Ok(serde_json::from_str(&text).unwrap())
}
