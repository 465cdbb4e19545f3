//! Correct, written another way: one spawned task per id owns its `RequestBuilder` and its own stopwatch (started at the task's first poll, stopped after the body is read or the request failed); the handles are then awaited in order and folded into the slowest `(id, time)` so far; awaiting one handle after another adds nothing, since each task stopped its own clock.
//!
//! `slowest_request` fetches `{base_url}/posts/{id}` for every entry of `ids`, concurrently, over
//! the client it is given, times each request from its own start to its own end, and returns the
//! id of the one that took longest.

use std::time::{Duration, Instant};

use reqwest::Client;

/// The id whose request took the longest, or `None` if there were no ids.
pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let tasks: Vec<_> = ids
        .iter()
        .map(|&id| {
            // The builder owns a handle on the client's pool; a `base_url` that is no URL makes
            // a builder that fails at `send`.
            let request = client.get(format!("{base_url}/posts/{id}"));
            tokio::spawn(async move {
                let start = Instant::now();
                if let Ok(response) = request.send().await {
                    // The body too: the answer is over when its last byte is in, error or not.
                    let _ = response.bytes().await;
                }
                (id, start.elapsed())
            })
        })
        .collect();

    let mut slowest: Option<(u64, Duration)> = None;
    for task in tasks {
        // These tasks never panic; were one to, it is skipped rather than propagated.
        let Ok((id, took)) = task.await else { continue };
        match slowest {
            Some((_, longest)) if longest >= took => {}
            _ => slowest = Some((id, took)),
        }
    }
    slowest.map(|(id, _)| id)
}
