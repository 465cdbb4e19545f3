//! Wrong: breaks "as soon as an answer's head arrives ..., `(id, status)` is pushed onto `log`": after each push the log is `dedup()`ed, so the second of two equal answers arriving back to back (an id listed twice, both 200) is removed again, one entry for two answers (and equal neighbours already in the caller's log go too).
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

use std::sync::{Arc, Mutex};

use futures::future::join_all;
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
    let requests: Vec<(u64, String)> = ids
        .iter()
        .map(|&id| (id, format!("{base_url}/posts/{id}")))
        .collect();
    tokio::spawn(async move {
        let each = requests.into_iter().map(|(id, url)| {
            let (client, log) = (&client, &log);
            async move {
                if let Ok(response) = client.get(url).send().await {
                    let mut entries = log.lock().unwrap();
                    entries.push((id, response.status().as_u16()));
                    // The same post with the same status twice in a row says nothing new.
                    entries.dedup();
                }
            }
        });
        join_all(each).await;
    })
}
