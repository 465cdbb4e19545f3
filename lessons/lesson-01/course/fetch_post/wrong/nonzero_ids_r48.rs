//! Wrong: breaks "`Ok(post)` with every field exactly as the server sent it, the `id` included"
//!
//! Decodes into a private mirror of `Post` whose `userId` and `id` are `NonZeroU64`, then
//! converts to `Post`. The learner applies "make invalid states unrepresentable": the
//! JSONPlaceholder ids start at 1 (posts 1 to 100, users 1 to 10), so a 0 can only be a server
//! bug, and serde should refuse it at the boundary. Every post the mock serves, every error
//! status, to-do and string id behaves exactly as the reference does; but a 200 whose post has
//! `"id": 0` (or `"userId": 0`), a well-formed post by `Post`'s own type (`u64`), becomes a
//! decode error instead of `Ok(post)`.

use std::num::NonZeroU64;

use lesson_support::models::Post;
use reqwest::Client;
use serde::Deserialize;

/// A post as it may arrive: ids start at 1, so a zero is refused while decoding.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct CheckedPost {
    user_id: NonZeroU64,
    id: NonZeroU64,
    title: String,
    body: String,
}

impl CheckedPost {
    fn into_post(self) -> Post {
        Post {
            user_id: self.user_id.get(),
            id: self.id.get(),
            title: self.title,
            body: self.body,
        }
    }
}

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let checked: CheckedPost = client
        .get(format!("{base_url}/posts/{id}"))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok(checked.into_post())
}
