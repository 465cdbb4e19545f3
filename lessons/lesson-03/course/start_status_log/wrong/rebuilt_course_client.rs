//! Wrong: every request must go through `client`; here the background task builds its own owned client with the course's constructor (`lesson_support::client::client`: same user agent, timeouts and proxy rule as the course's usual client), falling back to a clone of `client` only if that fails. Any setting, header or pool of the caller's `client` is ignored.
//! Exercise 5: log statuses as they arrive (warm-up: a lock held across `.await`).

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
    // The spawned task needs an owned client: the course's own constructor makes one with the
    // course's settings.
    let client = lesson_support::client::client(base_url).unwrap_or_else(|_| client.clone());
    let requests: Vec<(u64, String)> = ids
        .iter()
        .map(|&id| (id, format!("{base_url}/posts/{id}")))
        .collect();
    tokio::spawn(async move {
        let each = requests.into_iter().map(|(id, url)| {
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
