//! Correct: the handles go into a `FuturesOrdered` (every task is spawned while collecting, before anything is awaited), which yields their results in the order of `ids`, so `try_collect` stops at the first failure in that order, not the first in time.

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
        .try_collect()
        .await
}
