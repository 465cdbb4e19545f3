//! Correct: unusual structure. The background task spawns a task of its own per request (each with its own client clone, URL and `Arc` of the log), all before awaiting any, then awaits their handles; a poisoned lock is recovered with `PoisonError::into_inner` instead of `unwrap`, so not even a caller's panic can make it panic. All in flight together, pushed on arrival, handle ends when every request has.

use std::sync::{Arc, Mutex, PoisonError};

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
    let base_url = base_url.to_owned();
    let ids = ids.to_vec();
    tokio::spawn(async move {
        let tasks: Vec<JoinHandle<()>> = ids
            .into_iter()
            .map(|id| {
                let client = client.clone();
                let log = Arc::clone(&log);
                let url = format!("{base_url}/posts/{id}");
                tokio::spawn(async move {
                    if let Ok(response) = client.get(url).send().await {
                        let entry = (id, response.status().as_u16());
                        log.lock()
                            .unwrap_or_else(PoisonError::into_inner)
                            .push(entry);
                    }
                })
            })
            .collect();
        for task in tasks {
            // These tasks never panic; a `JoinError` would only mean the runtime is shutting down.
            let _ = task.await;
        }
    })
}
