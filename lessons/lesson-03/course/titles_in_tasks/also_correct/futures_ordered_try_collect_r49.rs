//! Correct, written another way: the spawned handles are collected straight into a
//! `FuturesOrdered` (collecting runs the `map`, so every task is started before anything is
//! awaited), each task's own layer is peeled with `.expect` in a `StreamExt::map`, and
//! `TryStreamExt::try_collect` gathers the titles: `FuturesOrdered` yields in the order the
//! handles were pushed, whatever order the tasks finish in, and `try_collect` stops at the first
//! `Err` it is handed, so the error returned is that of the first failing entry of `ids`. The
//! handles left behind on an early return are dropped, which detaches their tasks (it does not
//! cancel them).

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
                let response = client.get(url).send().await?.error_for_status()?;
                let post: Post = response.json().await?;
                Ok::<_, reqwest::Error>(post.title)
            })
        })
        .collect();

    tasks
        .map(|joined| joined.expect("a fetching task never panics"))
        .try_collect()
        .await
}
