//! Correct, written another way: an `asyncio.wait(FIRST_COMPLETED)`-style loop over `futures::future::select_all`, checking for an empty list before every round (so an empty `ids` never reaches `select_all`), pushing each answer the moment it wins a round.

use std::sync::{Arc, Mutex};

use futures::future::{BoxFuture, FutureExt, select_all};
use reqwest::Client;
use tokio::task::JoinHandle;

/// Starts asking for every post in `ids`, logging `(id, status)` as each answer arrives.
pub fn start_status_log(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    log: Arc<Mutex<Vec<(u64, u16)>>>,
) -> JoinHandle<()> {
    let mut pending: Vec<BoxFuture<'static, (u64, Option<u16>)>> = ids
        .iter()
        .map(|&id| {
            // Built now, sent when first polled: all of them are polled in the first round.
            let request = client.get(format!("{base_url}/posts/{id}")).send();
            async move {
                let status = request
                    .await
                    .ok()
                    .map(|response| response.status().as_u16());
                (id, status)
            }
            .boxed()
        })
        .collect();

    tokio::spawn(async move {
        while !pending.is_empty() {
            let ((id, status), _index, rest) = select_all(pending).await;
            pending = rest;
            if let Some(status) = status {
                log.lock().unwrap().push((id, status));
            }
        }
    })
}
