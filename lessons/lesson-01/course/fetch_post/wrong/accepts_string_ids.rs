//! Wrong: breaks "an id is a JSON number, never a string"
//!
//! Decodes into a private mirror of `Post` whose `id` and `userId` accept either a JSON number
//! or a string of digits (`"7"`), then converts to `Post`. The learner knows that json-server 1.x
//! (the newer version of the program behind JSONPlaceholder) writes ids as strings, and wants
//! the function to work against both. Every real post, error status and to-do behaves exactly
//! as the reference does; only a 200 whose `id` is the string `"7"` comes back as `Ok(post)`
//! with `id: 7` instead of a decode error.

use lesson_support::models::Post;
use reqwest::Client;
use serde::{Deserialize, Deserializer};

/// The post as it travels: the same four required fields, with forgiving ids.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct WirePost {
    #[serde(deserialize_with = "number_or_digits")]
    user_id: u64,
    #[serde(deserialize_with = "number_or_digits")]
    id: u64,
    title: String,
    body: String,
}

/// An id as a JSON number (`7`) or as a string of digits (`"7"`, json-server 1.x style).
fn number_or_digits<'de, D>(deserializer: D) -> Result<u64, D::Error>
where
    D: Deserializer<'de>,
{
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Id {
        Number(u64),
        Digits(String),
    }

    match Id::deserialize(deserializer)? {
        Id::Number(number) => Ok(number),
        Id::Digits(digits) => digits.parse::<u64>().map_err(serde::de::Error::custom),
    }
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
