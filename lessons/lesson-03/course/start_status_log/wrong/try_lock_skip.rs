//! Wrong: breaks "as soon as an answer arrives, `(id, status)` is pushed onto `log`": the push uses `try_lock()` and silently skips the entry when the lock is busy (the caller reading the log at that instant), so an entry is lost now and then; a reader that locks for a microsecond every 10 ms almost never collides with it.
//!
//! "Never block a runtime thread on a `std::sync::Mutex`", taken one step too far.

use std::sync::{Arc, Mutex};

use futures::future::join_all;
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
        let each = requests.into_iter().map(|(id, url)| {
            let (client, log) = (&client, &log);
            async move {
                if let Ok(response) = client.get(url).send().await {
                    let entry = (id, response.status().as_u16());
                    // Never block this thread on the lock: if it is taken, move on.
                    if let Ok(mut log) = log.try_lock() {
                        log.push(entry);
                    }
                }
            }
        });
        join_all(each).await;
    })
}
