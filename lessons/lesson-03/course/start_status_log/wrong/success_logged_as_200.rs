//! Wrong: the "`(id, status)` … whatever the status" clause: the status is read through
//! `error_for_status()`, so an error status is logged as itself but every success is logged
//! as 200 (a 201, a 203 or a 204 all become 200).

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
                    // `error_for_status` sorts the answers: a success is a 200, a failure
                    // carries its own status.
                    let status = match response.error_for_status() {
                        Ok(_) => 200,
                        Err(err) => err.status().map_or(500, |status| status.as_u16()),
                    };
                    log.lock().unwrap().push((id, status));
                }
            }
        });
        join_all(each).await;
    })
}
