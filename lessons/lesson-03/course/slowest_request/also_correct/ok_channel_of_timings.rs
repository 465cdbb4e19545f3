//! Correct, written another way: each request runs in a spawned task that starts its own clock, reads the whole body, and sends `(id, elapsed)` down an `mpsc` channel; the caller drops its sender and keeps a running maximum as the timings arrive, stopping when the last task's sender is gone.

use std::time::{Duration, Instant};

use reqwest::Client;
use tokio::sync::mpsc;

/// The id whose request took the longest, or `None` if there were no ids.
pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let (timings, mut inbox) = mpsc::unbounded_channel::<(u64, Duration)>();
    for &id in ids {
        let client = client.clone();
        let url = format!("{base_url}/posts/{id}");
        let timings = timings.clone();
        tokio::spawn(async move {
            let start = Instant::now();
            let _ = async { client.get(&url).send().await?.bytes().await }.await;
            let _ = timings.send((id, start.elapsed()));
        });
    }
    drop(timings);

    let mut slowest: Option<(u64, Duration)> = None;
    while let Some((id, took)) = inbox.recv().await {
        if slowest.is_none_or(|(_, longest)| took > longest) {
            slowest = Some((id, took));
        }
    }
    slowest.map(|(id, _)| id)
}
