//! Correct: one task per request in a `JoinSet`, spawned before the function returns, and the
//! returned handle is a task that drains the set, so it ends when every request has ended and
//! pushed; the lock is taken with `unwrap_or_else(PoisonError::into_inner)`, so even a log
//! poisoned by someone else's panic gets its entries without a panic here. Catches a check that
//! wants `join_all` inside the one spawned task, or a plain `.unwrap()` on the lock.

use std::sync::{Arc, Mutex, PoisonError};

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
        let client = client.clone();
        let log = Arc::clone(&log);
        let url = format!("{base_url}/posts/{id}");
        requests.spawn(async move {
            if let Ok(response) = client.get(url).send().await {
                let status = response.status().as_u16();
                log.lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .push((id, status));
            }
        });
    }
    tokio::spawn(async move { while requests.join_next().await.is_some() {} })
}
