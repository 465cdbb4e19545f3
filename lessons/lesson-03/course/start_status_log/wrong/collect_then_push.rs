//! Wrong: collects every status first (no lock at all while requests are out) and pushes
//! them all at the end, in the order of `ids`.

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
    tokio::spawn(async move {
        let requests = urls.into_iter().map(|(id, url)| {
            let client = client.clone();
            async move {
                (
                    id,
                    client.get(url).send().await.map(|r| r.status().as_u16()),
                )
            }
        });
        let statuses = join_all(requests).await;
        let mut log = log.lock().unwrap();
        for (id, status) in statuses {
            if let Ok(status) = status {
                log.push((id, status));
            }
        }
    })
}
