//! Correct: a task per request, each with its own clones, and the background task
//! awaits all their handles with `join_all`.

use std::sync::{Arc, Mutex};

use futures::future::join_all;
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
        let tasks = urls.into_iter().map(|(id, url)| {
            let (client, log) = (client.clone(), Arc::clone(&log));
            tokio::spawn(async move {
                if let Ok(response) = client.get(url).send().await {
                    let status = response.status().as_u16();
                    log.lock().unwrap().push((id, status));
                }
            })
        });
        join_all(tasks.collect::<Vec<_>>()).await;
    })
}
