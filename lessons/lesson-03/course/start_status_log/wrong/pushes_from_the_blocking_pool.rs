//! Wrong: breaks "the handle ends when every request has ended and its entry, if any, is in the log": it hands each push to `tokio::task::spawn_blocking` (a `std::sync::Mutex::lock` blocks the thread, and blocking calls belong on the blocking pool) and does not await that task, since the push returns nothing; so the handle can end, and the caller read the log, before the last entries are pushed.

use std::sync::{Arc, Mutex, PoisonError};

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
                    let status = response.status().as_u16();
                    // `lock()` may block this thread while the caller holds the log: leave
                    // that to a thread of the blocking pool, and go on at once.
                    let log = Arc::clone(log);
                    tokio::task::spawn_blocking(move || {
                        log.lock()
                            .unwrap_or_else(PoisonError::into_inner)
                            .push((id, status));
                    });
                }
            }
        });
        join_all(each).await;
    })
}
