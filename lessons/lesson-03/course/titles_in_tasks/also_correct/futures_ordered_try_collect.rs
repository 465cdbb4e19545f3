//! Correct: unusual because the handles are awaited through a `FuturesOrdered` stream and `try_collect`: the stream yields results in the order of `ids` whatever order the tasks finish in, so `try_collect` stops at the first failure *in that order*, not the first in time (unlike `try_join_all`).
//! Exercise 6: all the titles, or the first failure, from tasks (warm-up: `?` in an async block).

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
    // Collecting spawns every task before anything is awaited.
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
