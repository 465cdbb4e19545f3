//! Wrong: breaks "a 200 whose body is not a post": it also takes a JSON list holding exactly one post (`[{...}]`) as that post, because the learner met JSONPlaceholder's `/posts?id=7`, which answers a one-element list, and wanted the function to cope with both shapes; a list is not a post, and the reference gives a decode error.

use lesson_support::models::Post;
use reqwest::Client;
use serde::Deserialize;

/// What `/posts/{id}` may answer: the post itself, or (as the filtered `/posts?id=7` does) a list
/// holding just that post. A list of zero or of two posts matches neither shape and stays a
/// decode error.
#[derive(Deserialize)]
#[serde(untagged)]
enum PostBody {
    Single(Post),
    Listed([Post; 1]),
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
    Ok(match body {
        PostBody::Single(post) => post,
        PostBody::Listed([post]) => post,
    })
}
