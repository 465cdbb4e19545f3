//! Correct, written another way: the per-id `async move` blocks are collected into a
//! `FuturesOrdered` (which polls them all at once and yields their outputs in the order they
//! were pushed, i.e. the order of `ids`), drained with `StreamExt::collect`; the request itself
//! is a combinator chain (`and_then`) instead of `?` in a helper.

use futures::future::TryFutureExt;
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
            let count = client
                .get(format!("{base_url}/posts/{id}/comments"))
                .send()
                .and_then(|response| async move { response.error_for_status() })
                .and_then(|response| response.json::<Vec<Comment>>())
                .map_ok(|comments| comments.len())
                .await;
            (id, count)
        })
        .collect();
    in_flight.collect().await
}
