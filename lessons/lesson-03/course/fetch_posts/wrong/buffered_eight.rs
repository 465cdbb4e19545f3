//! Wrong: `buffered(8)` keeps the order of `ids` but never has more than 8 requests in flight.

use futures::StreamExt;
use futures::stream;
use lesson_support::models::Post;
use reqwest::Client;

pub async fn fetch_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<Result<Post, reqwest::Error>> {
    stream::iter(ids)
        .map(|id| async move {
            client
                .get(format!("{base_url}/posts/{id}"))
                .send()
                .await?
                .error_for_status()?
                .json::<Post>()
                .await
        })
        .buffered(8)
        .collect()
        .await
}
