//! Correct, written another way: one spawned task per request, all started before the function returns, plus one more spawned task (the handle returned) that awaits them all; no `join_all`.

use std::sync::{Arc, Mutex};

use reqwest::Client;
use tokio::task::JoinHandle;

/// Starts asking for every post in `ids`, logging `(id, status)` as each answer arrives.
pub fn start_status_log(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    log: Arc<Mutex<Vec<(u64, u16)>>>,
) -> JoinHandle<()> {
    // Each request is a task of its own, already running when this function returns...
    let requests: Vec<JoinHandle<()>> = ids
        .iter()
        .map(|&id| {
            let client = client.clone();
            let log = Arc::clone(&log);
            let url = format!("{base_url}/posts/{id}");
            tokio::spawn(async move {
                // A request that got no answer has nothing to log.
                let Ok(response) = client.get(url).send().await else {
                    return;
                };
                let status = response.status().as_u16();
                log.lock().unwrap().push((id, status));
            })
        })
        .collect();

    // ...and the handle the caller gets is a task that ends once all of them have.
    tokio::spawn(async move {
        for request in requests {
            // These tasks do not panic; if one did, the others' entries still count.
            let _ = request.await;
        }
    })
}
