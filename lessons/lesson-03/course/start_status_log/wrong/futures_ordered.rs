//! Wrong: breaks "the log lists them in the order the answers arrived": the requests all go out together, but through a `FuturesOrdered`, which hands back the statuses in the order of `ids`, so an answer is logged only once every earlier id has answered; when the answers happen to arrive in the order of `ids` nothing shows.
//! Exercise 5: log statuses as they arrive (warm-up: a lock held across `.await`).
//!
//! `start_status_log` starts, in the background, one request per post and writes each answer's
//! status into a log shared with the caller, who may read it while the requests are still out.

use std::sync::{Arc, Mutex};

use futures::stream::{FuturesOrdered, StreamExt};
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
        // Every request is in the set, so all of them are in flight while we wait for the next.
        let mut answers: FuturesOrdered<_> = requests
            .into_iter()
            .map(|(id, url)| {
                let client = &client;
                async move { (id, client.get(url).send().await) }
            })
            .collect();
        while let Some((id, answer)) = answers.next().await {
            if let Ok(response) = answer {
                let status = response.status().as_u16();
                log.lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
                    .push((id, status));
            }
        }
    })
}
