//! Wrong: breaks "no panic" (with "an empty `ids`: no request, and the handle ends"): the answers are taken as they come with a `select_all` loop that only checks for "nothing left" after its first round, and `select_all` panics on an empty list, so an empty `ids` ends the task with a panic (the handle gives a `JoinError`); for any non-empty `ids` the requests, arrival order, lock use and log are right.

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
    // The task must own everything it uses: a clone of the client, owned URLs.
    let client = client.clone();
    let requests: Vec<(u64, String)> = ids
        .iter()
        .map(|&id| (id, format!("{base_url}/posts/{id}")))
        .collect();

    tokio::spawn(async move {
        // Every request at once, each one boxed so they can sit in one Vec.
        let mut pending: Vec<BoxFuture<'static, (u64, Option<u16>)>> = requests
            .into_iter()
            .map(|(id, url)| {
                let request = client.get(url).send();
                async move {
                    // A failed connection gives no status: nothing to log for it.
                    let status = request
                        .await
                        .ok()
                        .map(|response| response.status().as_u16());
                    (id, status)
                }
                .boxed()
            })
            .collect();

        // Like asyncio.wait(..., return_when=FIRST_COMPLETED): whichever answer is first.
        loop {
            let ((id, status), _index, rest) = select_all(pending).await;
            if let Some(status) = status {
                // One statement: the lock is taken, the entry pushed, the lock released.
                log.lock().unwrap().push((id, status));
            }
            if rest.is_empty() {
                break;
            }
            pending = rest;
        }
    })
}
