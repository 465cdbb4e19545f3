//! Wrong: Decode clause: a body whose `userId`/`id` are numeric strings (`"id": "7"`) is JSON of another shape, so `Decode`, but this decodes it through a lenient wire struct (Python's `int(data["id"])`) and returns `Ok`; real posts, every other bad body and every other clause are unchanged.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;
use serde::{Deserialize, Deserializer};

use crate::ApiError;

/// A number, or the same number written as a string: some JSON APIs quote their ids.
#[derive(Deserialize)]
#[serde(untagged)]
enum NumberOrText {
    Number(u64),
    Text(String),
}

fn lenient_u64<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u64, D::Error> {
    match NumberOrText::deserialize(deserializer)? {
        NumberOrText::Number(number) => Ok(number),
        NumberOrText::Text(text) => text.parse().map_err(serde::de::Error::custom),
    }
}

/// What arrives on the wire: a post, but tolerant about how its ids are written.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct WirePost {
    #[serde(deserialize_with = "lenient_u64")]
    user_id: u64,
    #[serde(deserialize_with = "lenient_u64")]
    id: u64,
    title: String,
    body: String,
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

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let wire = client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?
        .json::<WirePost>()
        .await?;
    Ok(Post::from(wire))
}
