//! Correct: unusual because each request is a task of its own, spawned into a `JoinSet` (each
//! moving in a `RequestBuilder`, which owns a clone of the client, and a clone of the log's `Arc`),
//! and the background task returned is the one that drains the set. Every request is in flight at
//! once, each pushes the moment its head arrives, holding the lock only for the push, and the
//! returned handle ends only after every request (and so every push) is done. It also reads the
//! status through `error_for_status`, so a 404/500 is logged from the error's own status.

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
    let mut requests = JoinSet::new();
    for &id in ids {
        let request = client.get(format!("{base_url}/posts/{id}"));
        let log = Arc::clone(&log);
        requests.spawn(async move {
            let status = match request.send().await {
                Ok(response) => match response.error_for_status() {
                    Ok(response) => Some(response.status()),
                    Err(err) => err.status(),
                },
                Err(_) => None, // no answer, nothing to log
            };
            let Some(status) = status else { return };
            if let Ok(mut log) = log.lock() {
                log.push((id, status.as_u16()));
            }
        });
    }
    tokio::spawn(async move { while requests.join_next().await.is_some() {} })
}
