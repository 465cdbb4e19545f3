//! Wrong: all the requests are in flight together, an id listed twice included; here the requests for one id share a lane and go one after the other ("never ask for the same post twice at once"), so a repeat is sent only after the previous answer for that id, and its status is logged that much later.

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
    // One lane per distinct id, in the order the ids first appear: (id, url, how many times).
    let mut lanes: Vec<(u64, String, usize)> = Vec::new();
    for &id in ids {
        match lanes.iter_mut().find(|lane| lane.0 == id) {
            Some(lane) => lane.2 += 1,
            None => lanes.push((id, format!("{base_url}/posts/{id}"), 1)),
        }
    }
    tokio::spawn(async move {
        let each = lanes.into_iter().map(|(id, url, times)| {
            let (client, log) = (&client, &log);
            async move {
                for _ in 0..times {
                    if let Ok(response) = client.get(&url).send().await {
                        log.lock().unwrap().push((id, response.status().as_u16()));
                    }
                }
            }
        });
        join_all(each).await;
    })
}
