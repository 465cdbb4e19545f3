//! Wrong: breaks "all of them in flight together, however many ids there are": following the chapter's "unbounded concurrency" pitfall, it runs the timed requests through `buffer_unordered(16)`; each clock starts inside its future, so every time is still the request's own, but with more than sixteen ids the rest wait for a slot.
//!
//! `slowest_request` fetches `{base_url}/posts/{id}` for every entry of `ids`, concurrently, over
//! the client it is given, times each request from its own start to its own end, and returns the
//! id of the one that took longest.

use std::time::Instant;

use futures::stream::{self, StreamExt};
use reqwest::Client;

/// At most this many requests out at once.
const MAX_IN_FLIGHT: usize = 16;

/// The id whose request took the longest, or `None` if there were no ids.
pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let timed: Vec<_> = stream::iter(ids.iter().copied())
        .map(|id| async move {
            // The clock starts at the future's first poll, i.e. once it has a slot: the wait
            // for the slot is not counted.
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
