//! Wrong: breaks "`Ok(post)`, the post as the server sent it, when a successful answer … arrives whole" (and "`Decode` when a successful answer's body is not a post"): reading "JSON of another shape is a `Decode`" as "anything that is not exactly a post", it decodes into a mirror of `Post` with `#[serde(deny_unknown_fields)]`, so a post that carries one field more than the four (`"views": 3`, `"tags": []`, json-server's extras; the course's models say an unnamed field "is ignored when decoding") is reported as `ApiError::Decode`; every post of exactly four fields, every wrong shape, every status, timing and request count are right.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;
use serde::Deserialize;

use crate::{ApiError, fetch_json};

/// A post and nothing else: a to-do or a user that happens to share some fields is refused.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ExactPost {
    user_id: u64,
    id: u64,
    title: String,
    body: String,
}

impl From<ExactPost> for Post {
    fn from(exact: ExactPost) -> Post {
        Post {
            user_id: exact.user_id,
            id: exact.id,
            title: exact.title,
            body: exact.body,
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
    // Be strict about the shape: an object with fields a post does not have is some other
    // resource, and the caller should hear `Decode`, not get a half-matching post.
    let exact: ExactPost =
        fetch_json(client.get(format!("{base_url}/posts/{id}")).timeout(limit)).await?;
    Ok(exact.into())
}
