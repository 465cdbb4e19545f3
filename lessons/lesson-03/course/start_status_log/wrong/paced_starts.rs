//! Wrong: breaks "all through `client`, all in flight together": it spaces the requests 25 ms apart (the n-th goes out n × 25 ms after the first) so the server never gets them in one burst, so a quick answer can come back before the later requests have even left. One GET per entry, the URLs, logging every status as its head arrives, nothing for a failed connection, the shared log and the handle are all right.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures::future::join_all;
use reqwest::Client;
use tokio::task::JoinHandle;

/// The gap between two requests going out: polite to the server, and barely slower.
const PACE: Duration = Duration::from_millis(25);

/// Starts asking for every post in `ids`, logging `(id, status)` as each answer arrives.
pub fn start_status_log(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    log: Arc<Mutex<Vec<(u64, u16)>>>,
) -> JoinHandle<()> {
    // The spawned task must own everything it uses.
    let client = client.clone();
    let requests: Vec<(u64, String)> = ids
        .iter()
        .map(|&id| (id, format!("{base_url}/posts/{id}")))
        .collect();
    tokio::spawn(async move {
        let each = requests
            .into_iter()
            .enumerate()
            .map(|(position, (id, url))| {
                let (client, log) = (&client, &log);
                async move {
                    // Stagger the starts instead of firing them all in the same instant.
                    tokio::time::sleep(PACE * position as u32).await;
                    if let Ok(response) = client.get(url).send().await {
                        // One statement: the guard is gone before anything else is awaited.
                        log.lock().unwrap().push((id, response.status().as_u16()));
                    }
                }
            });
        join_all(each).await;
    })
}
