//! Correct: unusual because it drives the requests with `StreamExt::for_each_concurrent(None, ..)` (no limit, so every request is in flight at once) instead of `join_all`, and takes the lock with `unwrap_or_else(PoisonError::into_inner)` so that a log poisoned by a panic elsewhere is still written and never panics here; the guard lives only for the push statement.
//!
//! Exercise 5: log statuses as they arrive (warm-up: a lock held across `.await`).
//!
//! The contract, which `cargo test -p lesson-03` checks:
//! - the work runs in the background (`tokio::spawn`), and the function returns its handle at
//!   once; the handle ends when every request has ended and its entry, if any, is in the log;
//! - one GET `{base_url}/posts/{id}` per entry of `ids` (an id listed twice is asked twice),
//!   its URL made by appending to `base_url`, which may end in a path that must be kept; all
//!   through `client`, all in flight together (an empty `ids`: no request, and the handle ends);
//! - as soon as an answer's head arrives (its body is not needed), `(id, status)` is pushed
//!   onto `log`, whatever the status (a 200, a 404 and a 500 are all statuses to log), so the
//!   log lists them in the order the answers arrived; a request that got no answer (a failed
//!   connection) logs nothing; no panic, no retry, no timeout of your own (the client's
//!   settings say how long to wait);
//! - the log is shared: entries already in it stay, however many, and the lock is held only to push, never
//!   while a request is out, so the caller can read the log at any moment.

use std::sync::{Arc, Mutex, PoisonError};

use futures::stream::{self, StreamExt};
use reqwest::Client;
use tokio::task::JoinHandle;

/// Starts asking for every post in `ids`, logging `(id, status)` as each answer arrives.
pub fn start_status_log(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    log: Arc<Mutex<Vec<(u64, u16)>>>,
) -> JoinHandle<()> {
    let client = client.clone();
    let urls: Vec<(u64, String)> = ids
        .iter()
        .map(|&id| (id, format!("{base_url}/posts/{id}")))
        .collect();
    tokio::spawn(async move {
        // `None`: no limit, every request starts at once.
        stream::iter(urls)
            .for_each_concurrent(None, |(id, url)| {
                let (client, log) = (&client, &log);
                async move {
                    if let Ok(response) = client.get(url).send().await {
                        let status = response.status().as_u16();
                        log.lock()
                            .unwrap_or_else(PoisonError::into_inner)
                            .push((id, status));
                    }
                }
            })
            .await;
    })
}
