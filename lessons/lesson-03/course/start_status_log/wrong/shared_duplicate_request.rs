//! Wrong: an id listed twice must be asked twice; here requests are coalesced per id (one `Shared` future per distinct id, a "singleflight"), and every entry of `ids` logs from it, so the log still gets one `(id, status)` per entry, at the right moment, but the server sees one GET per distinct id.
//! Exercise 5: log statuses as they arrive (warm-up: a lock held across `.await`).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use futures::future::{BoxFuture, FutureExt, Shared, join_all};
use reqwest::Client;
use tokio::task::JoinHandle;

/// The status of one request, or `None` when it got no answer; shared by every entry of its id.
type Status = Shared<BoxFuture<'static, Option<u16>>>;

/// Starts asking for every post in `ids`, logging `(id, status)` as each answer arrives.
pub fn start_status_log(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    log: Arc<Mutex<Vec<(u64, u16)>>>,
) -> JoinHandle<()> {
    let mut by_id: HashMap<u64, Status> = HashMap::new();
    let entries: Vec<(u64, Status)> = ids
        .iter()
        .map(|&id| {
            let status = by_id.entry(id).or_insert_with(|| {
                let request = client.get(format!("{base_url}/posts/{id}"));
                async move {
                    let response = request.send().await.ok()?;
                    Some(response.status().as_u16())
                }
                .boxed()
                .shared()
            });
            (id, status.clone())
        })
        .collect();
    tokio::spawn(async move {
        let each = entries.into_iter().map(|(id, status)| {
            let log = &log;
            async move {
                if let Some(status) = status.await {
                    log.lock().unwrap().push((id, status));
                }
            }
        });
        join_all(each).await;
    })
}
