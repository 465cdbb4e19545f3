//! Exercise 4: which request was the slowest?
//!
//! `slowest_request` fetches `{base_url}/posts/{id}` for every id in `ids`, concurrently, over
//! the client it is given, times each request from its own start to its own end, and returns the
//! id of the one that took longest.
//!
//! The contract, which `cargo test -p lesson-03` checks:
//! - all the requests in flight together, all sent through `client`, to `base_url`;
//! - every request counts, whether it succeeded or failed: a slow error is still slow;
//! - `None` when `ids` is empty, and never a panic.

use reqwest::Client;

/// The id whose request took the longest, or `None` if there were no ids.
pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    // TODO: time each request (std::time::Instant), run them together, keep the slowest.
    // Delete the next line: it only keeps the compiler from warning about unused arguments.
    let _ = (client, base_url, ids);
    todo!()
}
