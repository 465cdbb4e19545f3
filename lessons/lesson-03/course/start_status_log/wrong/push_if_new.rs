//! Wrong: breaks "as soon as an answer's head arrives, `(id, status)` is pushed onto `log`" (one
//! entry per answer, repeats included): before pushing, it checks that the same `(id, status)` is
//! not in the log already ("no duplicate log lines"). Both requests of a repeated id go out, but
//! when they get the same status only the first is logged; an entry that was in the log before the
//! call also hides a new identical one.

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
                    let entry = (id, response.status().as_u16());
                    let mut log = log.lock().unwrap();
                    if !log.contains(&entry) {
                        log.push(entry);
                    }
                }
            }
        });
        join_all(each).await;
    })
}
