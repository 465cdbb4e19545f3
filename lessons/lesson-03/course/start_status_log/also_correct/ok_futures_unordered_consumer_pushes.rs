//! Correct, written another way: the requests go into a `FuturesUnordered` that yields `(id, send result)` as each head arrives, and the spawned task's own `while let` loop does the pushing (in arrival order), with the URL built by `push_str` and a poisoned lock taken over with `PoisonError::into_inner` instead of a panic.

use std::sync::{Arc, Mutex, PoisonError};

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
    // Each `RequestBuilder` holds its own handle on the client, so the task needs nothing else
    // from the caller.
    let requests: Vec<(u64, reqwest::RequestBuilder)> = ids
        .iter()
        .map(|&id| {
            let mut url = String::with_capacity(base_url.len() + 32);
            url.push_str(base_url);
            url.push_str("/posts/");
            url.push_str(&id.to_string());
            (id, client.get(url))
        })
        .collect();

    tokio::spawn(async move {
        let mut in_flight: FuturesUnordered<_> = requests
            .into_iter()
            .map(|(id, request)| async move { (id, request.send().await) })
            .collect();
        // Each answer comes out of the set the moment its head is in; no request is awaited
        // while the lock is held, since the lock is only taken inside this loop's body.
        while let Some((id, sent)) = in_flight.next().await {
            if let Ok(response) = sent {
                let status = response.status().as_u16();
                drop(response);
                log.lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .push((id, status));
            }
        }
    })
}
