//! Wrong: breaks "`(id, status)` is pushed onto `log`, whatever the status (a 200, a 404 and a 500 are all statuses to log)": it logs nothing for a `502 Bad Gateway` or a `504 Gateway Timeout`, reasoning that those are written by a proxy in front of the server, so the post's own server never answered, which it files with "a request that got no answer (a failed connection) logs nothing"; but a 502 and a 504 are answers with a status like any other.

use std::sync::{Arc, Mutex, PoisonError};

use futures::future::join_all;
use reqwest::{Client, StatusCode};
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
                let Ok(response) = client.get(url).send().await else {
                    return;
                };
                let status = response.status();
                // A 502 or a 504 comes from the gateway, not from the server behind it: the
                // server itself never answered, the same as a connection that failed.
                if status == StatusCode::BAD_GATEWAY || status == StatusCode::GATEWAY_TIMEOUT {
                    return;
                }
                log.lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .push((id, status.as_u16()));
            }
        });
        join_all(each).await;
    })
}
