//! Wrong: breaks "all of them in flight together, however many ids there are": it runs the timed requests through `buffer_unordered(100)`, the twin of aiohttp's `TCPConnector(limit=100)` that the chapter says reqwest lacks, so that a long list of ids cannot open thousands of connections; each clock starts inside its future, at its first poll, so no request is charged for its wait for a slot and the answer stays right, but with more than a hundred ids the rest wait their turn instead of being in flight together.

use std::time::Instant;

use futures::stream::{self, StreamExt};
use reqwest::Client;

/// aiohttp's default connection limit.
const MAX_IN_FLIGHT: usize = 100;

/// The id whose request took the longest, or `None` if there were no ids.
pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let timed: Vec<_> = stream::iter(ids.iter().copied())
        .map(|id| async move {
            // Started when the future gets its slot: the wait for one is not the request's.
            let start = Instant::now();
            let _ = async {
                client
                    .get(format!("{base_url}/posts/{id}"))
                    .send()
                    .await?
                    .bytes()
                    .await
            }
            .await;
            (id, start.elapsed())
        })
        .buffer_unordered(MAX_IN_FLIGHT)
        .collect()
        .await;
    timed
        .into_iter()
        .max_by_key(|&(_, elapsed)| elapsed)
        .map(|(id, _)| id)
}
