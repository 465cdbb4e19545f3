//! Correct: the request futures do not touch the log at all; they only give back `Some((id, status))` or `None`, and one loop over a `FuturesUnordered` pushes each entry the moment its future completes, locking for one statement between two `.await`s.
//!
//! Every request is polled from the first `next()`, so all are in flight together; completion
//! order is arrival order; a failed connection yields `None` and logs nothing; the handle ends
//! after the last one.

use std::sync::{Arc, Mutex};

use futures::stream::{FuturesUnordered, StreamExt};
use reqwest::Client;
use tokio::task::JoinHandle;

/// Starts asking for every post in `ids`, logging `(id, status)` as each answer arrives.
pub fn start_status_log(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    log: Arc<Mutex<Vec<(u64, u16)>>>,
) -> JoinHandle<()> {
    let requests: Vec<(u64, reqwest::RequestBuilder)> = ids
        .iter()
        .map(|&id| (id, client.get(format!("{base_url}/posts/{id}"))))
        .collect();
    tokio::spawn(async move {
        let mut answers: FuturesUnordered<_> = requests
            .into_iter()
            .map(|(id, request)| async move {
                let response = request.send().await.ok()?;
                Some((id, response.status().as_u16()))
            })
            .collect();
        while let Some(answer) = answers.next().await {
            if let Some(entry) = answer {
                log.lock().unwrap().push(entry);
            }
        }
    })
}
