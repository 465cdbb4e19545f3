//! Wrong: the log lists the statuses in the order the answers arrived; here each answer is still logged the moment it arrives, but inserted among this batch's entries in the order of `ids` ("like `gather`, the log keeps the order I asked in"), so a later answer for an earlier id is slipped in before entries already logged.

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
        // This batch's entries go after whatever the log already holds.
        let start = log.lock().unwrap().len();
        // Positions in `ids` of the answers logged so far.
        let logged: Mutex<Vec<usize>> = Mutex::new(Vec::new());
        let each = requests.into_iter().enumerate().map(|(slot, (id, url))| {
            let (client, log, logged) = (&client, &log, &logged);
            async move {
                if let Ok(response) = client.get(url).send().await {
                    let status = response.status().as_u16();
                    let mut logged = logged.lock().unwrap();
                    let before = logged.iter().filter(|&&other| other < slot).count();
                    logged.push(slot);
                    log.lock().unwrap().insert(start + before, (id, status));
                }
            }
        });
        join_all(each).await;
    })
}
