//! Wrong: breaks "every field of `Post` is required"
//!
//! Decodes into a private mirror of `Post` whose `user_id` carries `#[serde(alias = "user_id")]`
//! next to the camelCase name, then converts. The learner's last API was a Python backend that
//! spoke snake_case, and the lesson's point about `rename_all` made them want to accept both
//! spellings "to be robust". Every post the mock serves, every status, the to-do and the string
//! id behave as the reference does; but a 200 whose body is `{"user_id": 1, "id": 7, ...}` has
//! no `userId` at all, which for `Post` is a missing field, and comes back as `Ok(post)`. (The
//! other way round breaks too: a post carrying both `userId` and an extra `user_id` is a
//! "duplicate field" decode error, where `Post` would ignore the extra key.)

use lesson_support::models::Post;
use reqwest::Client;
use serde::Deserialize;

/// A post in either spelling of its author's id.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct AnyCasePost {
    #[serde(alias = "user_id")]
    user_id: u64,
    id: u64,
    title: String,
    body: String,
}

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let post: AnyCasePost = client
        .get(format!("{base_url}/posts/{id}"))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok(Post {
        user_id: post.user_id,
        id: post.id,
        title: post.title,
        body: post.body,
    })
}
