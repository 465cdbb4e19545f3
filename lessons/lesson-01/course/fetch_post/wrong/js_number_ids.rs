//! Wrong: breaks "a 200 whose body is not a post (... an object with a field ... of the wrong type ...) is an `Err`" and "every field exactly as the server sent it": it reads `userId` and `id` as `f64` (JSON's one number type, as in JavaScript) and casts them to `u64`, so `"id": 7.5` gives post 7, `-1` gives 0 and ids past 2^53 lose their last digits; ids sent as strings, missing fields, statuses and the URL are all still right.

use lesson_support::models::Post;
use reqwest::Client;
use serde::Deserialize;

/// The post as it travels. JSON has a single number type, a double (as in JavaScript), so the
/// numbers are read as `f64` here and turned into integers once, at the edge.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct WirePost {
    user_id: f64,
    id: f64,
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
        user_id: wire.user_id as u64,
        id: wire.id as u64,
        title: wire.title,
        body: wire.body,
    })
}
