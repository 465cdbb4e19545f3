//! Wrong: breaks "the handle ends when every request has ended and its entry, if any, is in the log": one task per request, and the handle returned is the one of the last task spawned ("started last, so it finishes last"); when the last id is also the slowest answer, awaiting it looks exactly like awaiting them all.
//!
//! Exercise 5: log statuses as they arrive (warm-up: a lock held across `.await`).

use std::sync::{Arc, Mutex};

use reqwest::Client;
use tokio::task::JoinHandle;

/// Starts asking for every post in `ids`, logging `(id, status)` as each answer arrives.
pub fn start_status_log(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    log: Arc<Mutex<Vec<(u64, u16)>>>,
) -> JoinHandle<()> {
    let mut last = None;
    for &id in ids {
        let client = client.clone();
        let log = Arc::clone(&log);
        let url = format!("{base_url}/posts/{id}");
        last = Some(tokio::spawn(async move {
            if let Ok(response) = client.get(url).send().await {
                log.lock().unwrap().push((id, response.status().as_u16()));
            }
        }));
    }
    // The last task started is the last to finish: its handle stands for all of them.
    last.unwrap_or_else(|| tokio::spawn(async {}))
}
