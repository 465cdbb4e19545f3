//! Wrong: breaks "an id listed twice is fetched twice" / "the id of the slowest request": both requests are sent and timed, but the pairs are collected into a `HashMap<id, Duration>`, so a repeated id keeps only its last time and a slow first occurrence is forgotten.
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

use std::collections::HashMap;
use std::time::{Duration, Instant};

use futures::future::join_all;
use reqwest::Client;

/// The id whose request took the longest, or `None` if there were no ids.
pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let timed = ids.iter().map(|&id| async move {
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
    });
    // id -> how long it took; like a Python dict comprehension over the results.
    let times: HashMap<u64, Duration> = join_all(timed).await.into_iter().collect();
    times
        .into_iter()
        .max_by_key(|&(_, elapsed)| elapsed)
        .map(|(id, _)| id)
}
