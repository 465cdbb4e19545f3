//! Wrong: reads a `serde_json::Value` and fills the struct with defaults where a field is
//! missing or mistyped, so a body that is not a post still comes back as `Ok`.

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
    let text = |key: &str| value[key].as_str().unwrap_or_default().to_owned();
    Ok(Post {
        user_id: value["userId"].as_u64().unwrap_or_default(),
        id: value["id"].as_u64().unwrap_or(id),
        title: text("title"),
        body: text("body"),
    })
}
