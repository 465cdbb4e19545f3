//! Correct: the answers come out of a `FuturesUnordered` as they arrive, and the background
//! task pushes each one as it comes out.

use std::sync::{Arc, Mutex};

use reqwest::Client;
use tokio::task::JoinHandle;

/// Starts asking for every post in `ids`, logging `(id, status)` as each answer arrives.
pub fn start_status_log(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    log: Arc<Mutex<Vec<(u64, u16)>>>,
) -> JoinHandle<()> {
    use futures::StreamExt;
    let client = client.clone();
    let urls: Vec<(u64, String)> = ids
        .iter()
        .map(|&id| (id, format!("{base_url}/posts/{id}")))
        .collect();
    tokio::spawn(async move {
        let mut answers: futures::stream::FuturesUnordered<_> = urls
            .into_iter()
            .map(|(id, url)| {
                let request = client.get(url);
                async move { (id, request.send().await) }
            })
            .collect();
        while let Some((id, answer)) = answers.next().await {
            if let Ok(response) = answer {
                log.lock().unwrap().push((id, response.status().as_u16()));
            }
        }
    })
}
