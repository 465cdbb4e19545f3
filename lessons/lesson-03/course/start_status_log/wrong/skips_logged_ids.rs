//! Wrong: "one GET per entry of `ids`" is broken: the log is read as a record of work already done, so an id that already has an entry when the task starts is not asked again ("resume where the last run stopped"). The entries already there stay untouched, and ids repeated within `ids` are still asked twice, so a check whose pre-seeded entry is for an id it does not ask for sees nothing wrong.

use std::collections::HashSet;
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
        // Ids the log already has an answer for were asked before: no need to ask again.
        let done: HashSet<u64> = log.lock().unwrap().iter().map(|&(id, _)| id).collect();
        let each = requests
            .into_iter()
            .filter(|(id, _)| !done.contains(id))
            .map(|(id, url)| {
                let (client, log) = (&client, &log);
                async move {
                    if let Ok(response) = client.get(url).send().await {
                        log.lock().unwrap().push((id, response.status().as_u16()));
                    }
                }
            });
        join_all(each).await;
    })
}
