//! Wrong: breaks "`Err(ApiError::Decode(..))` when a successful answer's body is not a post: … JSON of another shape": to cope with "drafts" that lack some fields, it decodes into a mirror of `Post` whose `userId`, `title` and `body` have `#[serde(default)]` (only `id` is required), so a 2xx carrying a to-do (`{"userId":1,"id":1,"title":"…","completed":false}`, the chapter's own Decode example), a comment, or an object with just an `id` comes back as `Ok(post)` with empty fields; a real post, a list, `[]`, `{}`, non-JSON, a cut-short body, every status, timing and request count are right.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;
use serde::Deserialize;

use crate::{ApiError, fetch_json};

/// A post as it may arrive: the id is what makes it a post; a draft may lack the rest.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct WirePost {
    #[serde(default)]
    user_id: u64,
    id: u64,
    #[serde(default)]
    title: String,
    #[serde(default)]
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
    // A missing title or body is an unfinished post, not "not a post": serde fills the gaps
    // with empty values, and only an answer without an `id` is refused (a `Decode`).
    let wire: WirePost =
        fetch_json(client.get(format!("{base_url}/posts/{id}")).timeout(limit)).await?;
    Ok(wire.into())
}
