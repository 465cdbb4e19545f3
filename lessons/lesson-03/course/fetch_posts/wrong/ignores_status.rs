//! Wrong: decodes every body without looking at the status, so a 500 reads as a decode error.

use futures::future::join_all;
use lesson_support::models::Post;
use reqwest::Client;

pub async fn fetch_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<Result<Post, reqwest::Error>> {
    join_all(ids.iter().map(|id| async move {
        client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .json::<Post>()
            .await
    }))
    .await
}
