//! Wrong: breaks "all of them in flight together, however many ids there are": `buffer_unordered(10)` keeps at most ten requests at once; each clock starts at its future's first poll, so the times stay honest and only the concurrency is capped.
//!
//! Exercise 8: which request was the slowest?
//!
//! `slowest_request` fetches `{base_url}/posts/{id}` for every entry of `ids`, concurrently, over
//! the client it is given, times each request from its own start to its own end, and returns the
//! id of the one that took longest.
//!
//! The contract, which `cargo test -p lesson-03` checks:
//! - one GET `{base_url}/posts/{id}` per entry of `ids`, its URL made by appending to `base_url`,
//!   which may end in a path such as `/api/v1` that must be kept; an id listed twice is fetched
//!   twice;
//! - all of them in flight together, however many ids there are, all sent through `client`;
//! - each request's time is its own, from its start to the end of its answer (its body read,
//!   not only its head), without the time it spent waiting for other requests (for a free
//!   slot, or for the handles awaited before its own);
//! - every request counts, whether it succeeded or failed (a 404 or a 503, say): a slow error is
//!   still slow, and when every request fails, the slowest of them is still the answer (a
//!   `base_url` that is no URL, such as `127.0.0.1:3000` without its scheme (add none), fails them all);
//! - the answer is the id of the slowest request, not its position in `ids`; if two requests
//!   take about as long, either id will do (the checks keep the slowest well ahead);
//! - `None` when `ids` is empty, with no request sent; never a panic.

use std::time::Instant;

use futures::stream::{self, StreamExt};
use reqwest::Client;

/// Be polite to the server: at most this many requests at once.
const MAX_IN_FLIGHT: usize = 10;

/// The id whose request took the longest, or `None` if there were no ids.
pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let timed: Vec<(u64, std::time::Duration)> = stream::iter(ids.iter().copied())
        .map(|id| async move {
            // The clock starts when the future is first polled, i.e. when it gets a slot.
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
