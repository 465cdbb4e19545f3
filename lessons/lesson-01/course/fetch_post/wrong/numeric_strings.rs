//! Wrong: breaks "a 200 whose body is … an object with a field … of the wrong type is an `Err` (a decode error)": the ids are decoded leniently, like Python's `int(x)`, so `"userId": "1"` or `"id": "7"` (a string) is accepted as a number; a non-numeric string (`"one"`), a missing field, HTML, and every status are still handled right.

use lesson_support::models::Post;
use reqwest::Client;
use serde::{Deserialize, Deserializer};

/// Accepts `7` and `"7"` alike: some APIs quote their ids.
fn lenient_u64<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u64, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum NumberOrText {
        Number(u64),
        Text(String),
    }
    match NumberOrText::deserialize(deserializer)? {
        NumberOrText::Number(n) => Ok(n),
        NumberOrText::Text(text) => text.trim().parse().map_err(serde::de::Error::custom),
    }
}

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

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let wire: WirePost = client
        .get(format!("{base_url}/posts/{id}"))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok(Post {
        user_id: wire.user_id,
        id: wire.id,
        title: wire.title,
        body: wire.body,
    })
}
