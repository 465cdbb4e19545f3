//! Correct, written another way: no `join_all` and no helper function; the `async move` blocks are collected into a `FuturesOrdered` stream (all polled at once, yielded in input order), each block names its error type with `Ok::<_, reqwest::Error>`, and the count comes from `Vec<Comment>::len` inline.

use futures::stream::{FuturesOrdered, StreamExt};
use lesson_support::models::Comment;
use reqwest::Client;

/// Counts the comments of each post in `ids`, all at once: `(id, count)` in the order of `ids`.
pub async fn comment_counts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<(u64, Result<usize, reqwest::Error>)> {
    let in_flight: FuturesOrdered<_> = ids
        .iter()
        .map(|&id| async move {
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
            (id, count)
        })
        .collect();
    // A `FuturesOrdered` polls every future it holds, and yields their outputs in the order
    // they were pushed, whatever order they finish in.
    in_flight.collect().await
}
