//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids`"
//! It sends `HEAD` instead of `GET`: the contract says the body is not needed, so the learner
//! asks the server for the head alone. The mock (like json-server) answers a HEAD with the
//! status a GET would get, so every logged status, the order of the log, the peak in flight and
//! the number of requests per path all look right; only the method of each request, as the
//! server received it, is wrong (and a real API may well answer HEAD differently, 405 say).

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
                // Only the status is wanted: HEAD gets it without a body to download.
                if let Ok(response) = client.head(url).send().await {
                    log.lock().unwrap().push((id, response.status().as_u16()));
                }
            }
        });
        join_all(each).await;
    })
}
