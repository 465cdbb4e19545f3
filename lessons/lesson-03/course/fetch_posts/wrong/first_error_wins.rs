//! Wrong: `try_join_all` gives up on every post as soon as one fails.

use futures::future::try_join_all;
use lesson_support::models::Post;
use reqwest::Client;

pub async fn fetch_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<Result<Post, reqwest::Error>> {
    let all = try_join_all(ids.iter().map(|id| async move {
        client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .json::<Post>()
            .await
    }))
    .await;
    match all {
        Ok(posts) => posts.into_iter().map(Ok).collect(),
        Err(err) => vec![Err(err)],
    }
}
