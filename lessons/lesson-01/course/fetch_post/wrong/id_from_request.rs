//! Wrong: breaks "`Ok(post)` with every field exactly as the server sent it" and "every field of `Post` is required": the body is decoded without its `id` ("we already know which post we asked for") and the post is rebuilt with the `id` argument, so a body with no `id` (or an `id` of the wrong type) is `Ok`, and a server answering post 8 for `/posts/7` is reported as post 7.

use lesson_support::models::Post;
use reqwest::Client;
use serde::Deserialize;

/// The body of a post, without the id we asked for.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PostBody {
    user_id: u64,
    title: String,
    body: String,
}

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let fields: PostBody = client
        .get(format!("{base_url}/posts/{id}"))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok(Post {
        user_id: fields.user_id,
        id,
        title: fields.title,
        body: fields.body,
    })
}
