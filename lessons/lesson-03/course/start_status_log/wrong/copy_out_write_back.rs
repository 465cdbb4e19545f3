//! Wrong: to keep the guard off the `.await`, copies the log out, awaits the answer, pushes
//! onto the copy and writes the copy back: requests that overlap overwrite each other's entries.

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
            let (client, log) = (client.clone(), Arc::clone(&log));
            async move {
                let mut copy = log.lock().unwrap().clone();
                if let Ok(response) = client.get(url).send().await {
                    copy.push((id, response.status().as_u16()));
                    *log.lock().unwrap() = copy;
                }
            }
        });
        join_all(requests).await;
    })
}
