//! Correct: the guard is a named variable, dropped by hand right after the push, before
//! anything else is awaited; the requests run in a `JoinSet`.

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
    let mut set = tokio::task::JoinSet::new();
    for &id in ids {
        let (client, log) = (client.clone(), Arc::clone(&log));
        let url = format!("{base_url}/posts/{id}");
        set.spawn(async move {
            let Ok(response) = client.get(url).send().await else {
                return;
            };
            let mut entries = log.lock().unwrap();
            entries.push((id, response.status().as_u16()));
            drop(entries);
        });
    }
    tokio::spawn(async move { while set.join_next().await.is_some() {} })
}
