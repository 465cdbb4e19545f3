//! Wrong: breaks "as soon as an answer's head arrives (its body is not needed), `(id, status)` is pushed onto `log`"
//! Each request reads its answer's body to the end (`bytes().await`, result ignored) before it
//! takes the lock and pushes. The learner's reason: a response dropped with its body unread
//! cannot give its connection back to the pool, so "drain it first, then log". Against a server
//! that sends head and body together (every mock answer, whatever its delay) the entry lands at
//! the same moment and in the same order, so the log looks right; but an answer whose head has
//! come and whose body is slow (or stalls) is logged only when the body is done, or when the
//! client's timeout ends the read, instead of at once.

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
                    // Read the answer to its end, so its connection goes back to the pool.
                    let _ = response.bytes().await;
                    log.lock().unwrap().push((id, status));
                }
            }
        });
        join_all(each).await;
    })
}
