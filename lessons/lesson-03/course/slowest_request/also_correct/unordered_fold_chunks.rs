//! Right: puts the timed request futures in a `FuturesUnordered`, reads each body chunk by chunk with `Response::chunk` (stopping at the first error), and folds the stream into the maximum with an explicit comparison instead of `join_all` + `max_by_key`.

use std::time::{Duration, Instant};

use futures::stream::{FuturesUnordered, StreamExt};
use reqwest::Client;

/// Post `id` and how long its request took, from sending it to reading its body, failed or not.
async fn time_one(client: &Client, url: String, id: u64) -> (u64, Duration) {
    let start = Instant::now();
    if let Ok(mut response) = client.get(url).send().await {
        while let Ok(Some(_chunk)) = response.chunk().await {}
    }
    (id, start.elapsed())
}

/// The id whose request took the longest, or `None` if there were no ids.
pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let in_flight: FuturesUnordered<_> = ids
        .iter()
        .map(|&id| time_one(client, format!("{base_url}/posts/{id}"), id))
        .collect();

    in_flight
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
