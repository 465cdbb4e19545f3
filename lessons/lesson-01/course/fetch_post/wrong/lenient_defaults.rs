//! Wrong: breaks "a 200 whose body is not a post is an `Err`, never a post made up of defaults": the body is read as a `Value` and each field taken with a default (`dict.get(key, "")` style), so `{}` or `{"error": ..}` with status 200 becomes `Ok(Post { user_id: 0, id, title: "", body: "" })`.

use lesson_support::models::Post;
use reqwest::Client;
use serde_json::Value;

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let value: Value = client
        .get(format!("{base_url}/posts/{id}"))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;

    // Read each field by name, like `post.get("title", "")` in Python: one field the server
    // left out should not throw the whole post away.
    Ok(Post {
        user_id: value["userId"].as_u64().unwrap_or_default(),
        id: value["id"].as_u64().unwrap_or(id),
        title: value["title"].as_str().unwrap_or_default().to_owned(),
        body: value["body"].as_str().unwrap_or_default().to_owned(),
    })
}
