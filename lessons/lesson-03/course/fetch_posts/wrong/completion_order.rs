//! Wrong: concurrent, but collects the results in the order the answers arrive.

use futures::StreamExt;
use futures::stream::FuturesUnordered;
use lesson_support::models::Post;
use reqwest::Client;

pub async fn fetch_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<Result<Post, reqwest::Error>> {
    ids.iter()
        .map(|id| async move {
            client
                .get(format!("{base_url}/posts/{id}"))
                .send()
                .await?
                .error_for_status()?
                .json::<Post>()
                .await
        })
        .collect::<FuturesUnordered<_>>()
        .collect()
        .await
}
