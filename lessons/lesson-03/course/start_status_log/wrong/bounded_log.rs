//! Wrong: breaks "entries already in it stay": the log is kept bounded ("a log must not grow for ever"): once it holds 256 entries, each push first drops the oldest one, so the caller's earlier entries are lost; a log that starts with one entry and gets a handful never reaches the cap.
//! Exercise 5: log statuses as they arrive (warm-up: a lock held across `.await`).
//!
//! `start_status_log` starts, in the background, one request per post and writes each answer's
//! status into a log shared with the caller, who may read it while the requests are still out.

use std::sync::{Arc, Mutex};

use futures::future::join_all;
use reqwest::Client;
use tokio::task::JoinHandle;

/// The most entries the log keeps; the oldest go first, as in a ring buffer.
const LOG_CAPACITY: usize = 256;

fn push_bounded(log: &Mutex<Vec<(u64, u16)>>, entry: (u64, u16)) {
    let mut log = log
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if log.len() >= LOG_CAPACITY {
        log.remove(0);
    }
    log.push(entry);
}

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
                    push_bounded(log, (id, response.status().as_u16()));
                }
            }
        });
        join_all(each).await;
    })
}
