//! Wrong: breaks "`Ok(post)` when the answer has a success status and a post as its body": the body is decoded into a struct of its own with `deny_unknown_fields`, so a post that carries one more field than the four (as a real API adds them over time) becomes a decode `Err`; URLs, concurrency, order, statuses and failed connections are all right.

use futures::future::join_all;
use lesson_support::models::Post;
use reqwest::Client;
use serde::Deserialize;

/// The shape we expect, and nothing else: a body with fields we don't know is not a post.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct StrictPost {
    user_id: u64,
    id: u64,
    title: String,
    body: String,
}

impl From<StrictPost> for Post {
    fn from(strict: StrictPost) -> Post {
        Post {
            user_id: strict.user_id,
            id: strict.id,
            title: strict.title,
            body: strict.body,
        }
    }
}

/// Fetches the posts with the given ids concurrently; one result per id, in the order of `ids`.
pub async fn fetch_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<Result<Post, reqwest::Error>> {
    let requests = ids.iter().map(|id| async move {
        client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .json::<StrictPost>()
            .await
            .map(Post::from)
    });
    join_all(requests).await
}
