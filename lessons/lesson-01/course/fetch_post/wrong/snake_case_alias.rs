//! Wrong: breaks "every field of `Post` is required": it decodes into its own struct whose `userId` also answers to the alias `user_id`, so a 200 whose body lacks `userId` but has `"user_id": 1` comes back as `Ok(post)` instead of a decode `Err`; the URL, the single GET, every error status, every other missing or mistyped field and the connection errors are all handled right.

use lesson_support::models::Post;
use reqwest::Client;
use serde::Deserialize;

/// A post as it comes off the wire. The API writes `userId`, but some JSONPlaceholder clones
/// (and the fixtures I dumped from our Python service) write `user_id`: the alias takes either
/// spelling, so the same code reads both.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct WirePost {
    #[serde(alias = "user_id")]
    user_id: u64,
    id: u64,
    title: String,
    body: String,
}

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let wire: WirePost = client
        .get(format!("{base_url}/posts/{id}"))
        .send()
        .await? // no answer at all
        .error_for_status()? // 4xx and 5xx stop here, before the body
        .json()
        .await?; // a body that is not a post
    Ok(Post {
        user_id: wire.user_id,
        id: wire.id,
        title: wire.title,
        body: wire.body,
    })
}
