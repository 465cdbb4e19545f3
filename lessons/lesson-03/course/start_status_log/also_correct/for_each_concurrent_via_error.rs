//! Correct: unusual in two ways that keep every clause: the requests run through `StreamExt::for_each_concurrent(None, ..)` (no limit, so all in flight together, and the stream ends when the last one has), and the status is read back out of the error: `error_for_status()` turns a 404 or 500 into an `Err` that carries its status, which is logged like a 200's, while a failed connection is an `Err` with no status and logs nothing.
//!
//! Exercise 5: log statuses as they arrive (warm-up: a lock held across `.await`).

use std::sync::{Arc, Mutex};

use futures::stream::{self, StreamExt};
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
        stream::iter(requests)
            .for_each_concurrent(None, |(id, url)| {
                let (client, log) = (&client, &log);
                async move {
                    let status = match client.get(url).send().await {
                        Ok(response) => match response.error_for_status() {
                            Ok(response) => Some(response.status()),
                            Err(err) => err.status(),
                        },
                        Err(err) => err.status(),
                    };
                    if let Some(status) = status {
                        log.lock().unwrap().push((id, status.as_u16()));
                    }
                }
            })
            .await;
    })
}
