//! Wrong: breaks "no retry": a request that got no answer is sent once more ("a stale pooled connection"); if the server drops that post every time, the log is exactly right and only a count of the requests per post shows the second GET (if it answers the second time, an extra entry appears).
//!
//! Everything else is the reference shape: one task, `join_all`, the lock only for the push.

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
                let answer = match client.get(&url).send().await {
                    Ok(response) => Ok(response),
                    // No answer: often a pooled connection the server had closed. Try once more.
                    Err(_) => client.get(&url).send().await,
                };
                if let Ok(response) = answer {
                    log.lock().unwrap().push((id, response.status().as_u16()));
                }
            }
        });
        join_all(each).await;
    })
}
