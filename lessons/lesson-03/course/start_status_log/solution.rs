//! Exercise 5, solved: log statuses as they arrive (warm-up: a lock held across `.await`).

use std::sync::{Arc, Mutex};

use futures::future::join_all;
use reqwest::Client;
use tokio::task::JoinHandle;

/// Starts asking for every post in `ids`, logging `(id, status)` as each answer arrives.
///
/// The contract is in the stub (`course/start_status_log/stub.rs`).
pub fn start_status_log(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    log: Arc<Mutex<Vec<(u64, u16)>>>,
) -> JoinHandle<()> {
    // The spawned future must own what it uses ('static), as in exercise 4.
    let client = client.clone();
    let requests: Vec<(u64, String)> = ids
        .iter()
        .map(|&id| (id, format!("{base_url}/posts/{id}")))
        .collect();
    tokio::spawn(async move {
        let requests = requests.into_iter().map(|(id, url)| {
            let (client, log) = (&client, &log);
            async move {
                // Await first, with no lock held: a `MutexGuard` alive across this `.await`
                // would make the whole task `!Send`, which `tokio::spawn` refuses, and would
                // make every other request wait for this one.
                if let Ok(response) = client.get(url).send().await {
                    let status = response.status().as_u16();
                    // The guard lives for this one statement: locked, pushed, released.
                    log.lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner)
                        .push((id, status));
                }
            }
        });
        join_all(requests).await;
    })
}
