//! Correct, written another way: a `FuturesUnordered` of timed requests, each stopping its own clock; the slowest so far is kept as the answers come in, instead of collecting them all and taking the max.
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

use std::time::{Duration, Instant};

use futures::stream::{FuturesUnordered, StreamExt};
use reqwest::Client;

/// The id whose request took the longest, or `None` if there were no ids.
pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let mut pending: FuturesUnordered<_> = ids
        .iter()
        .map(|&id| async move {
            let start = Instant::now();
            // Success or failure, the request is over when this returns: the body is read.
            let outcome = match client.get(format!("{base_url}/posts/{id}")).send().await {
                Ok(response) => response.bytes().await.map(drop),
                Err(err) => Err(err),
            };
            drop(outcome);
            (id, start.elapsed())
        })
        .collect();

    let mut slowest: Option<(u64, Duration)> = None;
    while let Some((id, elapsed)) = pending.next().await {
        if slowest.is_none_or(|(_, longest)| elapsed > longest) {
            slowest = Some((id, elapsed));
        }
    }
    slowest.map(|(id, _)| id)
}
