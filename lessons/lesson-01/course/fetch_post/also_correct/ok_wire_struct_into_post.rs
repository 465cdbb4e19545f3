//! Correct, written another way: it decodes into a private wire struct with exactly `Post`'s fields, names and types (all required, unknown fields ignored), then converts it with a `From` impl through `Result::map`.

use lesson_support::models::Post;
use reqwest::Client;
use serde::Deserialize;

/// The post as it travels on the wire: the same four fields, the same camelCase names, the same
/// types as `Post`. Keeping the wire format in its own type means the public one can change
/// without touching the decoding.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct WirePost {
    user_id: u64,
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

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let url = format!("{base_url}/posts/{id}");
    client
        .get(url)
        .send()
        .await?
        .error_for_status()?
        .json::<WirePost>()
        .await
        .map(Post::from)
}
