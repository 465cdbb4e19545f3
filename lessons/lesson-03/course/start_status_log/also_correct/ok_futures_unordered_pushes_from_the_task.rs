//! Correct, written another way: the request builders are made up front, the futures go into a `FuturesUnordered` that the spawned task drains with `while let Some(..) = next().await`, pushing each answer's status (one statement, guard dropped at once) in the order they complete.
//!
//! `start_status_log` starts, in the background, one request per post and writes each answer's
//! status into a log shared with the caller, who may read it while the requests are still out.

use std::sync::{Arc, Mutex};

use futures::stream::{FuturesUnordered, StreamExt};
use reqwest::Client;
use tokio::task::JoinHandle;

/// Starts asking for every post in `ids`, logging `(id, status)` as each answer arrives.
pub fn start_status_log(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    log: Arc<Mutex<Vec<(u64, u16)>>>,
) -> JoinHandle<()> {
    // A `RequestBuilder` owns its own handle on the client's pool, so each future is `'static`.
    // A `base_url` that is no URL makes a builder that fails at `send`, with no request.
    let mut in_flight = FuturesUnordered::new();
    for &id in ids {
        let request = client.get(format!("{base_url}/posts/{id}"));
        in_flight.push(async move { (id, request.send().await) });
    }
    tokio::spawn(async move {
        // Pushing sent nothing; the stream's first polls poll every future it holds, so they
        // are all out together, and it yields each one as soon as its head is in.
        while let Some((id, answer)) = in_flight.next().await {
            if let Ok(response) = answer {
                log.lock().unwrap().push((id, response.status().as_u16()));
            }
        }
    })
}
