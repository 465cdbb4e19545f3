//! Correct, written another way: the timed futures run in a `FuturesUnordered` and are folded
//! as they finish into the slowest `(id, elapsed)` seen so far, instead of `join_all` then
//! `max_by_key`; each future reads the clock at its own first poll and right after its own body
//! is read (`Response::text`, which reads the whole body too), and a failed `send` simply
//! ends the timed part early (its time is still kept).

use std::time::{Duration, Instant};

use futures::stream::{FuturesUnordered, StreamExt};
use reqwest::Client;

/// The id whose request took the longest, or `None` if there were no ids.
pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let in_flight: FuturesUnordered<_> = ids
        .iter()
        .map(|&id| async move {
            let started = Instant::now();
            if let Ok(response) = client.get(format!("{base_url}/posts/{id}")).send().await {
                // Read to its end, whatever its status; the text itself is not needed.
                drop(response.text().await);
            }
            (id, started.elapsed())
        })
        .collect();

    in_flight
        .fold(
            None::<(u64, Duration)>,
            |slowest, (id, elapsed)| async move {
                match slowest {
                    Some((_, longest)) if longest >= elapsed => slowest,
                    _ => Some((id, elapsed)),
                }
            },
        )
        .await
        .map(|(id, _)| id)
}
