//! Wrong: "Ok(post), the post as the server sent it" — the body is decoded into a wire struct whose `userId` and `id` are `u32` (JSONPlaceholder has 10 users and 100 posts), so a well-formed post whose `id` or `userId` is above 4,294,967,295 is reported as `Decode` instead of `Ok`; everything at or below that, and every non-post, behaves as in the reference.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;
use serde::Deserialize;

use crate::ApiError;

/// The post as it travels: the shape of the JSON, kept apart from the model so that
/// the API's quirks stay at the edge.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct WirePost {
    user_id: u32,
    id: u32,
    title: String,
    body: String,
}

impl From<WirePost> for Post {
    fn from(wire: WirePost) -> Post {
        Post {
            user_id: u64::from(wire.user_id),
            id: u64::from(wire.id),
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
