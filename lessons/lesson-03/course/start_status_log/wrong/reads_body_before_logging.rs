//! Wrong: breaks "as soon as an answer's head arrives (its body is not needed), `(id, status)` is pushed onto `log`": it reads each body to its end first and only then pushes the status, so an answer whose head comes at once but whose body is slow (or stalls until the client's timeout) is logged late, out of its arrival order; when head and body come together everything is right (all in flight at once, every status logged, nothing for a failed connection, the lock held only to push).

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
                    // Finish the answer before moving on, like `await resp.read()` inside
                    // aiohttp's `async with`: an unread body keeps its connection busy, so it
                    // cannot go back to the pool. Its content does not matter, only the status.
                    let _ = response.bytes().await;
                    log.lock().unwrap().push((id, status));
                }
            }
        });
        join_all(each).await;
    })
}
