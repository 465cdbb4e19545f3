//! Wrong: breaks the `Decode` clause ("JSON of another shape"): the body is read into a mirror of `Post` whose `user_id` also accepts the snake_case key `user_id`, so `{"user_id":1,"id":1,"title":"t","body":"b"}` (not a post: `Post` needs `userId`) comes back `Ok`; every camelCase body behaves as the reference.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;
use serde::Deserialize;

use crate::ApiError;

/// The post as it travels. Some backends (Django, FastAPI) write `user_id`; the course's API
/// writes `userId`. Accepting both costs one attribute and spares a Decode error.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct WirePost {
    #[serde(alias = "user_id")]
    user_id: u64,
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
