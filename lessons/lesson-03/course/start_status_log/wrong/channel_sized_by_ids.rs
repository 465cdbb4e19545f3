//! Wrong: breaks "no panic": the answers go through a `tokio::sync::mpsc::channel(ids.len())` to a logger loop that pushes them, and a bounded channel of capacity 0 panics ("mpsc bounded channel requires buffer > 0"), so an empty `ids` makes the background task panic (its handle ends in a `JoinError`) instead of ending quietly; with any non-empty `ids` it behaves.
//! Exercise 5: log statuses as they arrive (warm-up: a lock held across `.await`).
//!
//! `start_status_log` starts, in the background, one request per post and writes each answer's
//! status into a log shared with the caller, who may read it while the requests are still out.

use std::sync::{Arc, Mutex};

use futures::future::join_all;
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
    let client = client.clone();
    let requests: Vec<(u64, String)> = ids
        .iter()
        .map(|&id| (id, format!("{base_url}/posts/{id}")))
        .collect();
    tokio::spawn(async move {
        // Room for every answer, so that a sender never has to wait for the logger.
        let (sender, mut answers) = mpsc::channel::<(u64, u16)>(requests.len());
        let fetch_all = async move {
            let each = requests.into_iter().map(|(id, url)| {
                let (client, sender) = (&client, &sender);
                async move {
                    if let Ok(response) = client.get(url).send().await {
                        let _ = sender.send((id, response.status().as_u16())).await;
                    }
                }
            });
            join_all(each).await;
            // `sender` is dropped here: the logger's loop ends after the last answer.
        };
        let logger = async {
            while let Some(entry) = answers.recv().await {
                log.lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
                    .push(entry);
            }
        };
        tokio::join!(fetch_all, logger);
    })
}
