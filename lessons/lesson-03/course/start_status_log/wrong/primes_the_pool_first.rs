//! Wrong: breaks "all through `client`, all in flight together": it sends the first id's request alone and waits for its answer (to "warm up" a connection the others can reuse), and only then sends the rest together, so the first answer gates every other request. Everything else is right: one GET per entry, the URLs, each status logged as its head arrives in arrival order, nothing for a failed connection, the lock held only to push, and the handle ending after the last entry.

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
        let mut requests = requests.into_iter();

        // The first request goes alone: it opens the connection (and, for https, does the
        // handshake) once, and the pool hands it to the others instead of opening many.
        if let Some((id, url)) = requests.next() {
            if let Ok(response) = client.get(url).send().await {
                log.lock().unwrap().push((id, response.status().as_u16()));
            }
        }

        // Then everything else at once.
        let each = requests.map(|(id, url)| {
            let (client, log) = (&client, &log);
            async move {
                if let Ok(response) = client.get(url).send().await {
                    log.lock().unwrap().push((id, response.status().as_u16()));
                }
            }
        });
        join_all(each).await;
    })
}
