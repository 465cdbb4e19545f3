//! Correct: unusual because every request is a task of its own in a `JoinSet` inside the background task, and the status is read back out of `error_for_status()`'s error for 4xx/5xx (`err.status()`), while a failed connection, whose error has no status, logs nothing.
//! Exercise 5: log statuses as they arrive (warm-up: a lock held across `.await`).

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
    let requests: Vec<(u64, reqwest::RequestBuilder)> = ids
        .iter()
        .map(|&id| (id, client.get(format!("{base_url}/posts/{id}"))))
        .collect();
    tokio::spawn(async move {
        let mut set = JoinSet::new();
        for (id, request) in requests {
            let log = Arc::clone(&log);
            set.spawn(async move {
                let status = match request.send().await.and_then(|r| r.error_for_status()) {
                    Ok(response) => Some(response.status()),
                    Err(err) => err.status(),
                };
                if let Some(status) = status {
                    log.lock().unwrap().push((id, status.as_u16()));
                }
            });
        }
        while set.join_next().await.is_some() {}
    })
}
