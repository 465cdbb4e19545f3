//! Correct: one background task drives every request in a `FuturesUnordered` and pushes each status in its own loop as the answers come out of it, in the order they finish; the guard lives only in the push statement, with no `.await` while it is held.

use std::sync::{Arc, Mutex};

use futures::stream::{FuturesUnordered, StreamExt};
use reqwest::Client;
use tokio::task::JoinHandle;

/// Starts asking for every post in `ids`, logging `(id, status)` as each answer arrives.
pub fn start_status_log(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    log: Arc<Mutex<Vec<(u64, u16)>>>,
) -> JoinHandle<()> {
    // Each builder owns a clone of `client`: the task needs nothing borrowed.
    let mut pending: FuturesUnordered<_> = ids
        .iter()
        .map(|&id| {
            let request = client.get(format!("{base_url}/posts/{id}"));
            async move { (id, request.send().await) }
        })
        .collect();
    tokio::spawn(async move {
        while let Some((id, answer)) = pending.next().await {
            if let Ok(response) = answer {
                let status = response.status().as_u16();
                log.lock().unwrap().push((id, status));
            }
        }
    })
}
