//! Wrong: breaks "so the log lists them in the order the answers arrived"
//! The requests go through `StreamExt::buffered` with a window as wide as `ids`, so every one is
//! in flight at once, and each entry is pushed by the loop, under a lock that ends with the
//! statement, before the next `.await`. But `buffered` hands its outputs back in the order of the
//! input: an answer that arrives early waits, unlogged, behind every slower one listed before it,
//! and the log reads in the order of `ids`. The learner picked `buffered` over `buffer_unordered`
//! because a log in the order asked for "reads better", and saw nothing wrong: when the ids are
//! listed fastest first (a 200 at once, then a 404, a 500, a slow 200), arrival order and input
//! order are the same, entry for entry and moment for moment.

use std::sync::{Arc, Mutex};

use futures::stream::{self, StreamExt};
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
    // Every request in the window at once (at least 1: a window of 0 would never start).
    let window = requests.len().max(1);
    tokio::spawn(async move {
        let mut answers = stream::iter(requests)
            .map(|(id, url)| {
                let request = client.get(url);
                async move { (id, request.send().await) }
            })
            .buffered(window);
        while let Some((id, answer)) = answers.next().await {
            if let Ok(response) = answer {
                log.lock().unwrap().push((id, response.status().as_u16()));
            }
        }
    })
}
