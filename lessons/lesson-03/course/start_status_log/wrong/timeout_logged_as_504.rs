//! Wrong: "a request that got no answer (a failed connection) logs nothing" is broken for one kind of no-answer: when the client's own timeout fires, the request is logged as `(id, 504)`, "Gateway Timeout". A dropped or refused connection still logs nothing, and nothing happens before the client's 30 s, so only a check that lets the client's timeout expire and then reads the log catches it.

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
                let status = match client.get(url).send().await {
                    Ok(response) => response.status().as_u16(),
                    // Waited the whole timeout for it: that is what a gateway timeout is.
                    Err(err) if err.is_timeout() => 504,
                    Err(_) => return,
                };
                log.lock().unwrap().push((id, status));
            }
        });
        join_all(each).await;
    })
}
