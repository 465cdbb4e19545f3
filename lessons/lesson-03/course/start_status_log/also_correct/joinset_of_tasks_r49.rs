//! Correct, written another way: one task per request in a `tokio::task::JoinSet`, owned by the
//! background task; each request task owns its own clone of the client and of the log's `Arc`,
//! awaits its answer's head and then pushes under a lock that ends with the statement; the
//! background task drains the set with `join_next`, so its handle ends only when every request
//! task has ended (its entry, if any, already pushed), and dropping the set aborts the rest.

use std::sync::{Arc, Mutex};

use reqwest::Client;
use tokio::task::{JoinHandle, JoinSet};

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
        let mut in_flight = JoinSet::new();
        for (id, url) in requests {
            let request = client.get(url);
            let log = Arc::clone(&log);
            in_flight.spawn(async move {
                if let Ok(response) = request.send().await {
                    let status = response.status().as_u16();
                    log.lock().unwrap().push((id, status));
                }
            });
        }
        // Each request task logs for itself; wait for all of them to end.
        while in_flight.join_next().await.is_some() {}
    })
}
