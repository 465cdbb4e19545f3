//! Wrong: breaks "all in flight together": following the chapter's "unbounded concurrency" pitfall, it runs the requests through `for_each_concurrent(10, ..)`, so with more than ten ids the eleventh waits for a free slot (the log order and the lock handling are otherwise right).
//!
//! `start_status_log` starts, in the background, one request per post and writes each answer's
//! status into a log shared with the caller, who may read it while the requests are still out.

use std::sync::{Arc, Mutex};

use futures::stream::{self, StreamExt};
use reqwest::Client;
use tokio::task::JoinHandle;

/// At most this many requests out at once, so a long list of ids never floods the server.
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
