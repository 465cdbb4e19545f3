//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids` (an id listed twice is asked twice)": the requests are gathered in a `HashMap` from id to URL, so an id listed twice (adjacent or not) is asked, and logged, once; every distinct id is asked at once in the background and logged as its head arrives, whatever the status.

use std::collections::HashMap;
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
    // One owned URL per post, looked up by id: everything the task needs, owned, so the
    // spawned future is 'static.
    let urls: HashMap<u64, String> = ids
        .iter()
        .map(|&id| (id, format!("{base_url}/posts/{id}")))
        .collect();

    tokio::spawn(async move {
        let each = urls.into_iter().map(|(id, url)| {
            let (client, log) = (&client, &log);
            async move {
                if let Ok(response) = client.get(url).send().await {
                    let status = response.status().as_u16();
                    log.lock().unwrap().push((id, status));
                }
            }
        });
        join_all(each).await;
    })
}
