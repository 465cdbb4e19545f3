//! Wrong: breaks "`Ok(post)` with every field exactly as the server sent it, the `id` included": it decodes into a record whose `userId` and `id` are `NonZeroU64`, so a post the server sends with `"id": 0` or `"userId": 0` becomes a decode `Err` instead of that post; posts whose ids start at 1, every error status, every other bad body and the connection errors are handled right.

use std::num::NonZeroU64;

use lesson_support::models::Post;
use reqwest::Client;
use serde::Deserialize;

/// A post as the API sends it. JSONPlaceholder numbers posts and users from 1, so an id of 0
/// cannot be a real one: `NonZeroU64` makes that invalid state unrepresentable, and serde
/// refuses it while decoding instead of letting a bogus post through.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PostRecord {
    user_id: NonZeroU64,
    id: NonZeroU64,
    title: String,
    body: String,
}

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let record: PostRecord = client
        .get(format!("{base_url}/posts/{id}"))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok(Post {
        user_id: record.user_id.get(),
        id: record.id.get(),
        title: record.title,
        body: record.body,
    })
}
