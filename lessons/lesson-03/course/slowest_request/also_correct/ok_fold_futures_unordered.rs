//! Correct, written another way: puts the timed requests in a `FuturesUnordered` (all polled together) and folds the stream as the requests finish, keeping the running slowest `(id, time)`; reads the body only when an answer came, with `if let` instead of an inner `?` block.

use std::time::{Duration, Instant};

use futures::stream::{FuturesUnordered, StreamExt};
use reqwest::Client;

/// The id whose request took the longest, or `None` if there were no ids.
pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let timed: FuturesUnordered<_> = ids
        .iter()
        .map(|&id| async move {
            let start = Instant::now();
            if let Ok(response) = client.get(format!("{base_url}/posts/{id}")).send().await {
                // The answer is over once its body is in, whatever its status.
                let _ = response.bytes().await;
            }
            (id, start.elapsed())
        })
        .collect();

    timed
        .fold(
            None,
            |slowest: Option<(u64, Duration)>, (id, took)| async move {
                match slowest {
                    Some((_, longest)) if longest >= took => slowest,
                    _ => Some((id, took)),
                }
            },
        )
        .await
        .map(|(id, _)| id)
}
