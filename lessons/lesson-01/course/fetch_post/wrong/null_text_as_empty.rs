//! Wrong: breaks "never a panic, never a post made up of defaults"
//!
//! Decodes into a private mirror of `Post` whose `title` and `body` take a JSON `null` as the
//! empty string. The learner read "an empty or blank title or body is still a post" and took
//! `null` to be the same thing as `""` (some APIs send `null` for an empty text field). The
//! fields stay required (a missing `title` or `body` is still a decode error, so the to-do is
//! still refused), and a real post is decoded exactly as sent; but `{"title": null, ...}` is a
//! field of the wrong type, and it comes back as `Ok(post)` with a title the server never sent.

use lesson_support::models::Post;
use reqwest::Client;
use serde::{Deserialize, Deserializer};

/// The post as it travels: the same four required fields, `null` text read as empty.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct WirePost {
    user_id: u64,
    id: u64,
    #[serde(deserialize_with = "text_or_null")]
    title: String,
    #[serde(deserialize_with = "text_or_null")]
    body: String,
}

/// A string, or `null` for "no text": an empty title is still a post.
fn text_or_null<'de, D>(deserializer: D) -> Result<String, D::Error>
where
    D: Deserializer<'de>,
{
    Ok(Option::<String>::deserialize(deserializer)?.unwrap_or_default())
}

impl From<WirePost> for Post {
    fn from(wire: WirePost) -> Post {
        Post {
            user_id: wire.user_id,
            id: wire.id,
            title: wire.title,
            body: wire.body,
        }
    }
}

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    client
        .get(format!("{base_url}/posts/{id}"))
        .send()
        .await?
        .error_for_status()?
        .json::<WirePost>()
        .await
        .map(Post::from)
}
