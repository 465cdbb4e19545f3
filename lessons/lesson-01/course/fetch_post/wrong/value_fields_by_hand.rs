//! Wrong: reads a `serde_json::Value` and fills the struct by hand, Python-dict style:
//! `.to_string()` on a JSON string keeps its quotes, and missing fields become defaults.

use lesson_support::models::Post;
use reqwest::Client;
use serde_json::Value;

pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let value: Value = client
        .get(format!("{base_url}/posts/{id}"))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok(Post {
        user_id: value["userId"].as_u64().unwrap_or_default(),
        id: value["id"].as_u64().unwrap_or(id),
        title: value["title"].to_string(),
        body: value["body"].to_string(),
    })
}
