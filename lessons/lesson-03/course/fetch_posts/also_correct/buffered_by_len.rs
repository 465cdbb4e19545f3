//! Also correct: a stream `buffered` by the number of ids, so every request is in flight at
//! once and the order of `ids` is kept.

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
        // `buffered(0)` would never start anything: at least one slot.
        .buffered(ids.len().max(1))
        .collect()
        .await
}
