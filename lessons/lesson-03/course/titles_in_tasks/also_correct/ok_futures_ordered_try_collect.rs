//! Correct, written another way: the spawned handles go into a `FuturesOrdered` (collecting it spawns every task before anything is awaited), which yields results in the order of `ids` whatever order they finish in, and `try_collect` stops at the first `Err` it is handed, the first failure in that order.

use futures::stream::{FuturesOrdered, StreamExt, TryStreamExt};
use lesson_support::models::Post;
use reqwest::Client;

/// Fetches every title in tasks of their own: all of them in the order of `ids`, or the first
/// entry's failure.
pub async fn titles_in_tasks(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Result<Vec<String>, reqwest::Error> {
    let tasks: FuturesOrdered<_> = ids
        .iter()
        .map(|id| {
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            tokio::spawn(async move {
                let post: Post = client
                    .get(url)
                    .send()
                    .await?
                    .error_for_status()?
                    .json()
                    .await?;
                Ok::<_, reqwest::Error>(post.title)
            })
        })
        .collect();

    tasks
        .map(|joined| joined.expect("a fetching task never panics"))
        .try_collect::<Vec<String>>()
        .await
}
