//! Wrong: "`(id, status)` is pushed onto `log`" is broken: the log is kept like a status dict, so an answer for an id that already has an entry overwrites that entry in place instead of pushing a new one. An id asked twice leaves one entry (at the first answer's place, with the second answer's status), and an older entry for an asked id is changed. With distinct ids and a pre-seeded entry for another id, it behaves like a push.

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
                    let status = response.status().as_u16();
                    // One line per post: the latest status we heard for it.
                    let mut log = log.lock().unwrap();
                    match log.iter_mut().find(|(logged, _)| *logged == id) {
                        Some(entry) => entry.1 = status,
                        None => log.push((id, status)),
                    }
                }
            }
        });
        join_all(each).await;
    })
}
