//! Correct: no `join_all` and no helper function: the `async move` blocks go into a `FuturesOrdered` (polled all together, yielded in the order they were pushed), the error type of `?` is named with `Ok::<_, reqwest::Error>`, and the stream is collected. Same requests, same concurrency, same order of `ids`.

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
            let counted = async {
                let comments: Vec<Comment> = client
                    .get(format!("{base_url}/posts/{id}/comments"))
                    .send()
                    .await?
                    .error_for_status()?
                    .json()
                    .await?;
                Ok::<_, reqwest::Error>(comments.len())
            };
            (id, counted.await)
        })
        .collect();
    in_flight.collect().await
}
