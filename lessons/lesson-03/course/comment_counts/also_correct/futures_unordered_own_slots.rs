//! Correct: no `join_all` and no helper fn: a `FuturesUnordered` drains the answers in arrival order and each lands in its own slot by position, so the result is still one pair per entry in the order of `ids` (repeats included); `?` lives in an async block typed through a turbofish, and an empty `ids` sends nothing.
//! Exercise 3: count the comments of many posts at once (warm-up: `async move`).
//!
//! `comment_counts` asks for the comments of every post in `ids`, all at once, and pairs each id
//! with how many comments its post has.

use futures::stream::{FuturesUnordered, StreamExt};
use lesson_support::models::Comment;
use reqwest::Client;

/// Counts the comments of each post in `ids`, all at once: `(id, count)` in the order of `ids`.
pub async fn comment_counts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<(u64, Result<usize, reqwest::Error>)> {
    // Every future is built (and pushed) before the first poll; polling the set drives them all.
    let mut in_flight: FuturesUnordered<_> = ids
        .iter()
        .enumerate()
        .map(|(slot, &id)| async move {
            let count = async {
                let comments = client
                    .get(format!("{base_url}/posts/{id}/comments"))
                    .send()
                    .await?
                    .error_for_status()?
                    .json::<Vec<Comment>>()
                    .await?;
                Ok::<_, reqwest::Error>(comments.len())
            }
            .await;
            (slot, id, count)
        })
        .collect();

    let mut slots: Vec<Option<(u64, Result<usize, reqwest::Error>)>> =
        std::iter::repeat_with(|| None).take(ids.len()).collect();
    while let Some((slot, id, count)) = in_flight.next().await {
        slots[slot] = Some((id, count));
    }
    // Every slot was filled exactly once: the set yields one output per future pushed.
    slots.into_iter().flatten().collect()
}
