//! Correct: one spawned task per request (all spawned before any is awaited) sends `(id, status)` down an unbounded channel the moment the head arrives, and the background task's own loop is the only one that locks `log`, once per push; the loop ends when the last request task drops its sender, so the handle ends only after every entry is in. An empty `ids` ends at once.
//! Exercise 5: log statuses as they arrive (warm-up: a lock held across `.await`).
//!
//! `start_status_log` starts, in the background, one request per post and writes each answer's
//! status into a log shared with the caller, who may read it while the requests are still out.

use std::sync::{Arc, Mutex};

use reqwest::Client;
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

/// Starts asking for every post in `ids`, logging `(id, status)` as each answer arrives.
pub fn start_status_log(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    log: Arc<Mutex<Vec<(u64, u16)>>>,
) -> JoinHandle<()> {
    let (sender, mut answers) = mpsc::unbounded_channel::<(u64, u16)>();
    for &id in ids {
        let client = client.clone();
        let url = format!("{base_url}/posts/{id}");
        let sender = sender.clone();
        // Detached on purpose: the logger below waits for their senders, not their handles.
        tokio::spawn(async move {
            if let Ok(response) = client.get(url).send().await {
                let _ = sender.send((id, response.status().as_u16()));
            }
        });
    }
    drop(sender);
    tokio::spawn(async move {
        // `None` once every request task has ended (and dropped its sender).
        while let Some(entry) = answers.recv().await {
            log.lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .push(entry);
        }
    })
}
