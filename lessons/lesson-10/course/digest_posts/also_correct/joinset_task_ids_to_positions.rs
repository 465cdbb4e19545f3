//! Correct: one spawned task per entry in a `JoinSet` (a clone of `client`, which shares its pool),
//! and the tasks do not carry their position: the function keeps a map from each task's
//! `tokio::task::Id` (from the `AbortHandle` that `JoinSet::spawn` returns) to its position, and
//! `join_next_with_id` says which task finished, so each result lands in its own slot.

use std::collections::HashMap;

use reqwest::Client;
use tokio::task::JoinSet;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let mut set = JoinSet::new();
    let mut position = HashMap::with_capacity(ids.len());
    for (index, &id) in ids.iter().enumerate() {
        let client = client.clone();
        let url = format!("{base_url}/posts/{id}");
        let task = set.spawn(async move {
            let body = client
                .get(url)
                .send()
                .await?
                .error_for_status()?
                .bytes()
                .await?;
            let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
            Ok::<u64, reqwest::Error>(
                digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
            )
        });
        position.insert(task.id(), index);
    }

    let mut slots: Vec<Option<Result<u64, reqwest::Error>>> =
        (0..ids.len()).map(|_| None).collect();
    while let Some(joined) = set.join_next_with_id().await {
        match joined {
            Ok((task, result)) => slots[position[&task]] = Some(result),
            // Only a panic ends a task early here (nothing aborts them): pass it on.
            Err(err) => std::panic::resume_unwind(err.into_panic()),
        }
    }
    slots
        .into_iter()
        .map(|slot| slot.expect("every task has finished"))
        .collect()
}
