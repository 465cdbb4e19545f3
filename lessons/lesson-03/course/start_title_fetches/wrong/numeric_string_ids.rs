//! Wrong: breaks "`Err(err)` when its request failed: ... a body that is not a post": it decodes through its own wire struct whose `id` and `userId` accept a number or a numeric string (`"7"`), the JavaScript/Mongo habit of ids as strings, then converts it into a `Post`, so a body whose id is the string `"7"` gives `Ok(title)` where the course's `Post` makes it a decode error.

use lesson_support::models::Post;
use reqwest::Client;
use serde::{Deserialize, Deserializer};
use tokio::task::JoinHandle;

#[derive(Deserialize)]
#[serde(untagged)]
enum IdRepr {
    Number(u64),
    Text(String),
}

/// An id as APIs send it: a JSON number, or the same number written as a string.
fn flexible_id<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u64, D::Error> {
    match IdRepr::deserialize(deserializer)? {
        IdRepr::Number(id) => Ok(id),
        IdRepr::Text(text) => text.trim().parse().map_err(serde::de::Error::custom),
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct WirePost {
    #[serde(deserialize_with = "flexible_id")]
    user_id: u64,
    #[serde(deserialize_with = "flexible_id")]
    id: u64,
    title: String,
    body: String,
}

impl From<WirePost> for Post {
    fn from(wire: WirePost) -> Self {
        Post {
            user_id: wire.user_id,
            id: wire.id,
            title: wire.title,
            body: wire.body,
        }
    }
}

/// Starts fetching the title of every post in `ids`; one handle per entry, in the order of `ids`.
pub fn start_title_fetches(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<JoinHandle<Result<String, reqwest::Error>>> {
    ids.iter()
        .map(|&id| {
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            tokio::spawn(async move {
                let wire: WirePost = client
                    .get(url)
                    .send()
                    .await?
                    .error_for_status()?
                    .json()
                    .await?;
                let post = Post::from(wire);
                Ok(post.title)
            })
        })
        .collect()
}
