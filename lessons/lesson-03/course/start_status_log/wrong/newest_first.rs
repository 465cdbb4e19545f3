//! Wrong: each `(id, status)` must be *pushed onto* the log, so it lists answers in the order they arrived after the entries already there; here each one is inserted at the front (a "latest first" activity feed), so the log reads newest-first and the entries that were there are pushed back to the end. Nothing is lost, and each entry appears as soon as its answer does.
//! Exercise 5: log statuses as they arrive (warm-up: a lock held across `.await`).

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
    let requests: Vec<(u64, String)> = ids
        .iter()
        .map(|&id| (id, format!("{base_url}/posts/{id}")))
        .collect();
    tokio::spawn(async move {
        let each = requests.into_iter().map(|(id, url)| {
            let (client, log) = (&client, &log);
            async move {
                if let Ok(response) = client.get(url).send().await {
                    let status = response.status().as_u16();
                    // Newest on top, so whoever reads the log sees the latest answer first.
                    log.lock().unwrap().insert(0, (id, status));
                }
            }
        });
        join_all(each).await;
    })
}
