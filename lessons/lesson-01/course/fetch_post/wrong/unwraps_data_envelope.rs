//! Wrong: breaks "a 200 whose body is not a post (HTML, a to-do, an object with a field missing or of the wrong type, such as an `id` sent as the string `"7"`) is an `Err` (a decode error)"
//! The body is decoded as "a post, or an object `{"data": <post>}`" (an untagged enum), then
//! unwrapped. The learner has worked with JSON:API and Laravel-style APIs that wrap a single
//! resource in a `data` envelope, and since `--base-url` may point the program at another server,
//! accepting both shapes looks like cheap robustness. Every bare post still decodes exactly (the
//! bare shape is tried first), a field more is still ignored, and HTML, a to-do, a missing field or
//! a string id fail in both shapes, so all the listed bad bodies are still a decode error. But a
//! 200 whose body is an envelope, which is not a post, comes back as `Ok(post)`.

use lesson_support::models::Post;
use reqwest::Client;
use serde::Deserialize;

/// A post as it arrives: bare, or wrapped in a `data` envelope.
#[derive(Deserialize)]
#[serde(untagged)]
enum PostBody {
    Bare(Post),
    Wrapped { data: Post },
}

impl From<PostBody> for Post {
    fn from(body: PostBody) -> Self {
        match body {
            PostBody::Bare(post) | PostBody::Wrapped { data: post } => post,
        }
    }
}

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let body: PostBody = client
        .get(format!("{base_url}/posts/{id}"))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok(body.into())
}
