//! Correct, written another way: instead of `join_all` over a `Vec` of futures, the spawned task drives a stream with `for_each_concurrent(None, ..)` (no limit, so every request is out at once), and each request gets its own clone of the client and of the `Arc` rather than borrowing them.

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
        // `None`: no limit, every request is started on the first poll.
        stream::iter(requests)
            .for_each_concurrent(None, |(id, url)| {
                let client = client.clone();
                let log = Arc::clone(&log);
                async move {
                    // The `.await` first, with no guard alive; then lock, push, release.
                    if let Ok(response) = client.get(url).send().await {
                        let status = response.status().as_u16();
                        log.lock().unwrap().push((id, status));
                    }
                }
            })
            .await;
    })
}
