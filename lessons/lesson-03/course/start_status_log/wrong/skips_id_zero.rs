//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids`": an id 0 is treated as a "no post" placeholder and never asked for (so never logged); every other id, duplicates included, is asked at once in the background and logged as its head arrives, whatever the status.

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
    // Post ids start at 1: a 0 is the "unset" value callers leave in a list, and asking for it
    // only spends a request on a guaranteed miss.
    let requests: Vec<(u64, String)> = ids
        .iter()
        .copied()
        .filter(|&id| id != 0)
        .map(|id| (id, format!("{base_url}/posts/{id}")))
        .collect();

    tokio::spawn(async move {
        let each = requests.into_iter().map(|(id, url)| {
            let (client, log) = (&client, &log);
            async move {
                if let Ok(response) = client.get(url).send().await {
                    // Lock only for the push: the guard dies at the end of this statement.
                    log.lock().unwrap().push((id, response.status().as_u16()));
                }
            }
        });
        join_all(each).await;
    })
}
