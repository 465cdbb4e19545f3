//! Wrong: spawns a task per request and returns a handle that does not wait for them, so
//! the handle ends before the log is complete.

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
    let client = client.clone();
    let urls: Vec<(u64, String)> = ids
        .iter()
        .map(|&id| (id, format!("{base_url}/posts/{id}")))
        .collect();
    tokio::spawn(async move {
        for (id, url) in urls {
            let (client, log) = (client.clone(), Arc::clone(&log));
            tokio::spawn(async move {
                if let Ok(response) = client.get(url).send().await {
                    log.lock().unwrap().push((id, response.status().as_u16()));
                }
            });
        }
    })
}
