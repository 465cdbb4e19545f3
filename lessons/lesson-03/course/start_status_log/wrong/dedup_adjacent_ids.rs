//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids` (an id listed twice is asked twice)": the ids go through `Vec::dedup` first to spare a repeated request, which removes a repeat only when it sits right next to its twin, so `[3, 3]` sends and logs one request instead of two (while `[3, 1, 3]` happens to be right); everything else (background task, all in flight, arrival order, lock only to push) is right.

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
    // No point asking the server for the same post twice in one go.
    let mut ids = ids.to_vec();
    ids.dedup();
    let requests: Vec<(u64, String)> = ids
        .into_iter()
        .map(|id| (id, format!("{base_url}/posts/{id}")))
        .collect();

    tokio::spawn(async move {
        let each = requests.into_iter().map(|(id, url)| {
            let (client, log) = (&client, &log);
            async move {
                // Await first, with no guard alive; lock only for the push.
                if let Ok(response) = client.get(url).send().await {
                    let status = response.status().as_u16();
                    log.lock().unwrap().push((id, status));
                }
            }
        });
        join_all(each).await;
    })
}
