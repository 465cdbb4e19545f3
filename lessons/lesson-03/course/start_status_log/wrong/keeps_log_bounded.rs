//! Wrong: breaks "the log is shared: entries already in it stay, however many": after each push it trims the log to its last 1000 entries, dropping the oldest ones (the caller's own among them) once it is longer; with a log that stays under 1000 entries everything is right (one GET per entry, all in flight, pushed as each head arrives, lock held only to push).

use std::sync::{Arc, Mutex};

use futures::future::join_all;
use reqwest::Client;
use tokio::task::JoinHandle;

/// The most entries the log keeps, like Python's `deque(maxlen=...)`: a status log that is
/// filled again and again by a long-running program must not grow without end.
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
                    // The guard lives only in this block, after the last await.
                    let mut entries = log.lock().unwrap();
                    entries.push((id, status));
                    if entries.len() > MAX_LOG_ENTRIES {
                        let oldest = entries.len() - MAX_LOG_ENTRIES;
                        entries.drain(..oldest);
                    }
                }
            }
        });
        join_all(each).await;
    })
}
