//! Wrong: breaks "the log is shared: entries already in it stay, however many": the log is kept to its last 1000 entries (the oldest is removed before a push once it is full), so a caller's log with 1000 entries or more loses its oldest ones; for a smaller log, and for requests, statuses, arrival order, concurrency and the short lock, it is right.

use std::sync::{Arc, Mutex};

use futures::future::join_all;
use reqwest::Client;
use tokio::task::JoinHandle;

/// The log keeps the most recent entries only, so a long-running program does not grow it
/// forever.
const MAX_LOG_ENTRIES: usize = 1000;

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
                    let status = response.status().as_u16();
                    // The lock is taken after the `.await` and released at the end of this
                    // block, with no `.await` in between.
                    let mut entries = log.lock().unwrap();
                    if entries.len() >= MAX_LOG_ENTRIES {
                        entries.remove(0);
                    }
                    entries.push((id, status));
                }
            }
        });
        join_all(each).await;
    })
}
