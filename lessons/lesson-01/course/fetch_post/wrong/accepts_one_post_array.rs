//! Wrong: breaks "a 200 whose body is not a post (HTML, a to-do, an object with a field missing or of the wrong type, such as an `id` sent as the string `"7"`) is an `Err` (a decode error)"
//! The learner knows json-server answers a filter (`/posts?id=7`) with a one-element list and
//! has met APIs that wrap a single item in an array, so the body is decoded as "a post, or a
//! list of exactly one post" (an untagged enum over `Post` and `[Post; 1]`). Every object body
//! decodes exactly as with `Post` (missing fields, string ids, to-dos and HTML still fail, and
//! `[]` or a list of two still fail), but a 200 whose body is `[{...post...}]` is taken as a
//! post, though a list is not a post.

use lesson_support::models::Post;
use reqwest::Client;
use serde::Deserialize;

/// The body as it may arrive: the post itself, or a list holding exactly that one post.
#[derive(Deserialize)]
#[serde(untagged)]
enum OnePost {
    Bare(Post),
    Wrapped([Post; 1]),
}

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let one = client
        .get(format!("{base_url}/posts/{id}"))
        .send()
        .await?
        .error_for_status()?
        .json::<OnePost>()
        .await?;

    match one {
        OnePost::Bare(post) | OnePost::Wrapped([post]) => Ok(post),
    }
}
