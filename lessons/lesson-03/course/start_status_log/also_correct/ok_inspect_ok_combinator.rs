//! Correct, written another way: no `async` block per request; each request is `send()` with the push attached by `TryFutureExt::inspect_ok` (it runs the moment the head arrives, and only for an answer), then `map_ok(drop)` lets the response go at once, and `join_all` runs them all together.

use std::sync::{Arc, Mutex};

use futures::TryFutureExt;
use futures::future::join_all;
use reqwest::{Client, Response};
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
        let log = &log;
        let sends = requests.into_iter().map(|(id, url)| {
            client
                .get(url)
                .send()
                // Called with the response as soon as `send` resolves with one; a failed
                // connection skips it. The guard lives only for this one statement.
                .inspect_ok(move |response: &Response| {
                    log.lock().unwrap().push((id, response.status().as_u16()));
                })
                .map_ok(drop)
        });
        // Every request is in flight at once; the results themselves are not needed.
        let _: Vec<Result<(), reqwest::Error>> = join_all(sends).await;
    })
}
