//! Correct, written another way: one spawned task per request, all held at a `tokio::sync::Barrier` sized to `ids` and released together, then a second spawned task that awaits every per-request handle; the returned handle is that second task (a barrier of 0 acts as 1, and with no ids nothing waits on it). A poisoned lock is recovered, not unwrapped.

use std::sync::{Arc, Mutex, PoisonError};

use reqwest::Client;
use tokio::sync::Barrier;
use tokio::task::JoinHandle;

/// Starts asking for every post in `ids`, logging `(id, status)` as each answer arrives.
pub fn start_status_log(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    log: Arc<Mutex<Vec<(u64, u16)>>>,
) -> JoinHandle<()> {
    // Every request task waits here until all of them exist, so they go out together.
    let start_line = Arc::new(Barrier::new(ids.len()));

    let requests: Vec<JoinHandle<()>> = ids
        .iter()
        .map(|&id| {
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            let start_line = Arc::clone(&start_line);
            let log = Arc::clone(&log);
            tokio::spawn(async move {
                start_line.wait().await;
                if let Ok(response) = client.get(url).send().await {
                    let status = response.status().as_u16();
                    // The guard lives for this one statement: no `.await` while it is held.
                    log.lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .push((id, status));
                }
            })
        })
        .collect();

    tokio::spawn(async move {
        // They all run at once already; this only waits until the last one is done.
        for request in requests {
            let _ = request.await;
        }
    })
}
