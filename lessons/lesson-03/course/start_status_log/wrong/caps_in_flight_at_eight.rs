//! Wrong: breaks "all in flight together": following the chapter's "unbounded concurrency" pitfall, it keeps at most 8 requests in flight (`for_each_concurrent(8, ..)`), so with more than 8 ids the rest wait for a slot.
//! Exercise 5: log statuses as they arrive (warm-up: a lock held across `.await`).
//!
//! `start_status_log` starts, in the background, one request per post and writes each answer's
//! status into a log shared with the caller, who may read it while the requests are still out.
//! The work runs in a spawned task, so the future must be `Send`; a `std::sync::MutexGuard`
//! alive across an `.await` makes it not `Send`. The chapter ("Warm-ups") shows that compiler
//! error, and the fix.
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
//!   connection, or a `base_url` that is no URL, such as `127.0.0.1:3000` without its scheme)
//!   logs nothing; no panic, no retry, no timeout of your own (the client's settings say how
//!   long to wait);
//! - the log is shared: entries already in it stay, however many, and the lock is held only to push, never
//!   while a request is out, so the caller can read the log at any moment.

use std::sync::{Arc, Mutex};

use futures::stream::{self, StreamExt};
use reqwest::Client;
use tokio::task::JoinHandle;

/// How many requests may be out at once: enough for a batch, polite to the server.
const MAX_IN_FLIGHT: usize = 8;

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
        stream::iter(requests)
            .for_each_concurrent(MAX_IN_FLIGHT, move |(id, url)| {
                let (client, log) = (client.clone(), Arc::clone(&log));
                async move {
                    if let Ok(response) = client.get(url).send().await {
                        log.lock().unwrap().push((id, response.status().as_u16()));
                    }
                }
            })
            .await;
    })
}
