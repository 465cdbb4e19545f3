//! Correct, written another way: builds every `RequestBuilder` through `client` before spawning (each owns a clone of the client, so no explicit `client.clone()`), then gives each request its own task in a `tokio::task::JoinSet` that the outer task drains; each task pushes its own entry, so all are in flight together and logged in arrival order, and aborting the returned handle drops the set, which aborts the requests.

use std::sync::{Arc, Mutex};

use reqwest::Client;
use tokio::task::{JoinHandle, JoinSet};

/// Starts asking for every post in `ids`, logging `(id, status)` as each answer arrives.
pub fn start_status_log(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    log: Arc<Mutex<Vec<(u64, u16)>>>,
) -> JoinHandle<()> {
    // Nothing is sent yet: a RequestBuilder is only a description, until `send()`.
    let requests: Vec<_> = ids
        .iter()
        .map(|&id| (id, client.get(format!("{base_url}/posts/{id}"))))
        .collect();

    tokio::spawn(async move {
        let mut tasks = JoinSet::new();
        for (id, request) in requests {
            let log = Arc::clone(&log);
            tasks.spawn(async move {
                let Ok(response) = request.send().await else {
                    return; // no answer: nothing to log
                };
                let status = response.status().as_u16();
                log.lock().unwrap().push((id, status));
            });
        }
        // The handle ends only when every request's task has ended (and so has pushed).
        while tasks.join_next().await.is_some() {}
    })
}
