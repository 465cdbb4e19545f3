//! Wrong: breaks "a field more than `Post` has (`"views": 3`) does not make it less of a post"
//!
//! Decodes into a private mirror of `Post` marked `#[serde(deny_unknown_fields)]`, then
//! converts. The learner wants "strict" decoding, so that an API that renames a field (`userID`
//! for `userId`) or grows new ones is noticed at once instead of silently ignored: a habit from
//! schema validation. Every post the mock serves has exactly the four fields, so all the usual
//! cases pass; a 200 whose post carries one field more (`"views": 3`) becomes a decode error.

use lesson_support::models::Post;
use reqwest::Client;
use serde::Deserialize;

/// The post exactly as the API documents it, and nothing else.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct StrictPost {
    user_id: u64,
    id: u64,
    title: String,
    body: String,
}

impl From<StrictPost> for Post {
    fn from(strict: StrictPost) -> Post {
        Post {
            user_id: strict.user_id,
            id: strict.id,
            title: strict.title,
            body: strict.body,
        }
    }
}

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let response = client
        .get(format!("{base_url}/posts/{id}"))
        .send()
        .await?
        .error_for_status()?;
    let post: StrictPost = response.json().await?;
    Ok(post.into())
}
