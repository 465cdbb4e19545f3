//! Wrong: breaks "no timeout of your own (the client's settings say how long to wait)": each
//! request gets `.timeout(60 s)`, "a generous ceiling so nothing hangs forever". It never fires
//! before the client's 30 s, so nothing gives up early; but a per-request timeout *replaces* the
//! client's, so an answer that never comes is waited for 60 s instead of 30 s.

use std::sync::{Arc, Mutex};
use std::time::Duration;

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
                let request = client.get(url).timeout(Duration::from_secs(60));
                if let Ok(response) = request.send().await {
                    log.lock().unwrap().push((id, response.status().as_u16()));
                }
            }
        });
        join_all(each).await;
    })
}
