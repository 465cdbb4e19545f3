//! Wrong: breaks "as soon as an answer's head arrives (its body is not needed), `(id, status)` is pushed onto `log`": it reads each answer's body to the end (aiohttp's `async with session.get(..) as resp: await resp.read()`) before pushing, so the entry appears only once the whole body is in: late for a slow body, after the client's timeout for a stalled one.
//!
//! `start_status_log` starts, in the background, one request per post and writes each answer's
//! status into a log shared with the caller, who may read it while the requests are still out.

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
                    // Finish the exchange cleanly before recording it: the answer is "in" once
                    // its body has been read.
                    let _ = response.bytes().await;
                    log.lock().unwrap().push((id, status));
                }
            }
        });
        join_all(each).await;
    })
}
