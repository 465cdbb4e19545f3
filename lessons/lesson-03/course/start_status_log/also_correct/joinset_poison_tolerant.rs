//! Correct: the requests are spawned by the function itself, one task each in a `JoinSet` (so all are out before it returns), and the returned handle is a task that only drains that set; the push survives a poisoned lock (`PoisonError::into_inner`) instead of unwrapping it.

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
        let request = client.get(format!("{base_url}/posts/{id}"));
        let log = Arc::clone(&log);
        requests.spawn(async move {
            if let Ok(response) = request.send().await {
                let status = response.status().as_u16();
                log.lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .push((id, status));
            }
        });
    }
    tokio::spawn(async move { while requests.join_next().await.is_some() {} })
}
