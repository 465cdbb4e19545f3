//! Wrong: breaks "`(id, status)` is pushed onto `log`, whatever the status"
//! Each answer is pushed with `try_lock`, never `lock`: the learner has read that a task must
//! never block a runtime thread, and that the log must never be held while a request is out, so
//! a task that finds the log taken (the caller is reading it) does not wait for it; and since
//! `try_lock` returns an error instead of panicking, it also keeps "no panic" on a poisoned lock.
//! But an entry whose turn comes while the caller holds the lock is silently dropped: the handle
//! ends with that answer missing from the log. A caller that reads now and then, for an instant,
//! almost never collides, so the log looks complete; a caller that holds the lock as an answer
//! arrives loses that answer's entry, when it should only have delayed it.

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
                    let status = response.status().as_u16();
                    // Never block a runtime thread on the caller's lock, never panic on poison.
                    if let Ok(mut entries) = log.try_lock() {
                        entries.push((id, status));
                    }
                }
            }
        });
        join_all(each).await;
    })
}
