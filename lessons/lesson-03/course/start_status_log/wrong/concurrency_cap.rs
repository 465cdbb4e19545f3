//! Wrong: breaks "all in flight together": `for_each_concurrent(10, ..)` keeps at most ten requests out at once, so beyond ten ids the rest wait for a free slot; with ten ids or fewer the peak in flight is the same as with `join_all`, and each entry is still pushed as its answer arrives.
//!
//! The chapter's advice on unbounded concurrency, applied where the contract does not want it.

use std::sync::{Arc, Mutex};

use futures::stream::{self, StreamExt};
use reqwest::Client;
use tokio::task::JoinHandle;

/// At most this many requests in flight at once.
const MAX_IN_FLIGHT: usize = 10;

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
            .for_each_concurrent(MAX_IN_FLIGHT, |(id, url)| {
                let (client, log) = (&client, &log);
                async move {
                    if let Ok(response) = client.get(url).send().await {
                        log.lock().unwrap().push((id, response.status().as_u16()));
                    }
                }
            })
            .await;
    })
}
