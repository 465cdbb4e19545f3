//! Correct: no `join_all` and no helper `async fn`: every request goes into a `FuturesUnordered` tagged with its position, answers are taken in whatever order they finish and dropped into their slot, and the pairs are rebuilt in the order of `ids` at the end.
//!
//! All the requests are polled together from the first `next()`, each entry (repeats included) has
//! its own request and slot, and every slot is filled exactly once, so nothing can panic.

use futures::stream::{FuturesUnordered, StreamExt};
use lesson_support::models::Comment;
use reqwest::Client;

/// Counts the comments of each post in `ids`, all at once: `(id, count)` in the order of `ids`.
pub async fn comment_counts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<(u64, Result<usize, reqwest::Error>)> {
    let mut pending: FuturesUnordered<_> = ids
        .iter()
        .enumerate()
        .map(|(slot, &id)| async move {
            let result = match client
                .get(format!("{base_url}/posts/{id}/comments"))
                .send()
                .await
                .and_then(reqwest::Response::error_for_status)
            {
                Ok(response) => response.json::<Vec<Comment>>().await.map(|list| list.len()),
                Err(err) => Err(err),
            };
            (slot, result)
        })
        .collect();

    let mut slots: Vec<Option<Result<usize, reqwest::Error>>> = ids.iter().map(|_| None).collect();
    while let Some((slot, result)) = pending.next().await {
        slots[slot] = Some(result);
    }
    ids.iter()
        .copied()
        .zip(slots.into_iter().flatten())
        .collect()
}
