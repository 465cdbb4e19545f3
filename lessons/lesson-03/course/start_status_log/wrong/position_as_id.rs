//! Wrong: breaks "`(id, status)` is pushed onto `log`": the learner keeps only the URLs and logs each answer under its position in `ids` plus one ("post number n"), not its id; with ids `1, 2, 3, …` in order the log is identical, with any other ids it names the wrong posts.
//! Exercise 5: log statuses as they arrive (warm-up: a lock held across `.await`).
//!
//! `start_status_log` starts, in the background, one request per post and writes each answer's
//! status into a log shared with the caller, who may read it while the requests are still out.

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
    let urls: Vec<String> = ids
        .iter()
        .map(|id| format!("{base_url}/posts/{id}"))
        .collect();
    tokio::spawn(async move {
        let each = urls.into_iter().enumerate().map(|(n, url)| {
            let (client, log) = (&client, &log);
            async move {
                if let Ok(response) = client.get(url).send().await {
                    let post = n as u64 + 1; // posts are numbered from 1
                    log.lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner)
                        .push((post, response.status().as_u16()));
                }
            }
        });
        join_all(each).await;
    })
}
