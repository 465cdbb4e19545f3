//! Wrong: the compiler refused a `std::sync::MutexGuard` across `.await`, so it takes a
//! `tokio::sync::Mutex` of its own for the whole request and the push: the requests go one at a time.

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
    let urls: Vec<(u64, String)> = ids
        .iter()
        .map(|&id| (id, format!("{base_url}/posts/{id}")))
        .collect();
    let gate = Arc::new(tokio::sync::Mutex::new(()));
    tokio::spawn(async move {
        let requests = urls.into_iter().map(|(id, url)| {
            let (client, log, gate) = (client.clone(), Arc::clone(&log), Arc::clone(&gate));
            async move {
                let _turn = gate.lock().await;
                if let Ok(response) = client.get(url).send().await {
                    log.lock().unwrap().push((id, response.status().as_u16()));
                }
            }
        });
        join_all(requests).await;
    })
}
