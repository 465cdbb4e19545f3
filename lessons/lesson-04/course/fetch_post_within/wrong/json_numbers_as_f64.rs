//! Wrong: breaks "`Ok(post)`, the post as the server sent it (every field unchanged)" and "`Decode` when the body is not a post": it decodes the numbers as `f64` ("JSON has one number type, a double") and casts them to `u64`, so an id above 2^53 comes back changed, and `"id": 1.5` or `"id": -3` (not a post) comes back as `Ok` with id 1 or 0 instead of `Decode`.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;
use serde::Deserialize;

use crate::ApiError;

/// A post as it travels: JSON numbers are doubles.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct WirePost {
    user_id: f64,
    id: f64,
    title: String,
    body: String,
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
    Ok(Post {
        user_id: wire.user_id as u64,
        id: wire.id as u64,
        title: wire.title,
        body: wire.body,
    })
}
