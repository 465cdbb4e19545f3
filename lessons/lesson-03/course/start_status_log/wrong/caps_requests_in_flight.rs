//! Wrong: breaks "all through `client`, all in flight together": it runs the requests through `for_each_concurrent` with at most 10 out at once, so with more than 10 ids the 11th waits for a free slot; with 10 ids or fewer everything is right (one GET per entry, the log pushed as each head arrives, the lock held only to push, nothing logged for a failed connection).

use std::sync::{Arc, Mutex};

use futures::stream::{self, StreamExt};
use reqwest::Client;
use tokio::task::JoinHandle;

/// How many requests may be out at once. The chapter's "unbounded concurrency" pitfall: a long
/// list of ids must not open a connection per id all at the same moment.
const MAX_IN_FLIGHT: usize = 10;

/// Starts asking for every post in `ids`, logging `(id, status)` as each answer arrives.
pub fn start_status_log(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    log: Arc<Mutex<Vec<(u64, u16)>>>,
) -> JoinHandle<()> {
    // The task must own what it uses: a clone of the client (cheap) and the URLs.
    let client = client.clone();
    let requests: Vec<(u64, String)> = ids
        .iter()
        .map(|&id| (id, format!("{base_url}/posts/{id}")))
        .collect();

    tokio::spawn(async move {
        let (client, log) = (&client, &log);
        stream::iter(requests)
            .for_each_concurrent(MAX_IN_FLIGHT, move |(id, url)| async move {
                if let Ok(response) = client.get(url).send().await {
                    // Lock, push, unlock, all in this one statement: no guard across an await.
                    log.lock().unwrap().push((id, response.status().as_u16()));
                }
            })
            .await;
    })
}
