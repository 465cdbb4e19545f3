//! Correct, written another way: the requests are built outside the task as owned
//! `RequestBuilder`s wrapped in `async move` blocks and collected into a `FuturesUnordered`,
//! which the spawned task drains with `while let Some(..) = in_flight.next().await`: every request
//! is polled at once, each answer comes out of the stream the moment its head arrives, and the
//! loop body pushes it under a lock that ends with the statement, before the next `.await`.

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
    // Lazy futures: nothing is sent until the spawned task polls them.
    let in_flight: FuturesUnordered<_> = ids
        .iter()
        .map(|&id| {
            let request = client.get(format!("{base_url}/posts/{id}"));
            async move { (id, request.send().await) }
        })
        .collect();
    tokio::spawn(async move {
        let mut in_flight = in_flight;
        while let Some((id, answer)) = in_flight.next().await {
            if let Ok(response) = answer {
                log.lock().unwrap().push((id, response.status().as_u16()));
            }
        }
    })
}
