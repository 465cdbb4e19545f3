//! Wrong: breaks "a 200 whose body is not a post is an `Err` (a decode error) … never a post made up of defaults": it decodes into its own struct where `title` and `body` are `#[serde(default)]`, so `{}` still fails (no `userId`), but a to-do (`userId`, `id`, `title`, `completed`) or any object with the two ids comes back as `Ok(Post { body: "", .. })`.

use lesson_support::models::Post;
use reqwest::Client;
use serde::Deserialize;

/// What the server sends for a post. The ids are required; a post may have been saved
/// without a title or a body, and that should not make it unreadable.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PostFields {
    user_id: u64,
    id: u64,
    #[serde(default)]
    title: String,
    #[serde(default)]
    body: String,
}

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let fields = client
        .get(format!("{base_url}/posts/{id}"))
        .send()
        .await?
        .error_for_status()?
        .json::<PostFields>()
        .await?;

    Ok(Post {
        user_id: fields.user_id,
        id: fields.id,
        title: fields.title,
        body: fields.body,
    })
}
