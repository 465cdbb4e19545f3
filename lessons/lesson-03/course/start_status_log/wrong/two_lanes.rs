//! Wrong: breaks "all in flight together": the entries are dealt into two lanes that run side by side, each lane one request after another, so at most two requests are ever out; a check that asks only for "more than one at once" passes it.

use std::sync::{Arc, Mutex};

use futures::future::join;
use reqwest::Client;
use tokio::task::JoinHandle;

/// One lane: its requests one after another, each status logged as it arrives.
async fn lane(client: &Client, log: &Mutex<Vec<(u64, u16)>>, requests: Vec<(u64, String)>) {
    for (id, url) in requests {
        if let Ok(response) = client.get(url).send().await {
            log.lock().unwrap().push((id, response.status().as_u16()));
        }
    }
}

/// Starts asking for every post in `ids`, logging `(id, status)` as each answer arrives.
pub fn start_status_log(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    log: Arc<Mutex<Vec<(u64, u16)>>>,
) -> JoinHandle<()> {
    let client = client.clone();
    // Deal the entries like cards: first, third, fifth… to one lane, the others to the second.
    let (mut left, mut right) = (Vec::new(), Vec::new());
    for (position, &id) in ids.iter().enumerate() {
        let request = (id, format!("{base_url}/posts/{id}"));
        if position % 2 == 0 {
            left.push(request);
        } else {
            right.push(request);
        }
    }
    tokio::spawn(async move {
        join(lane(&client, &log, left), lane(&client, &log, right)).await;
    })
}
