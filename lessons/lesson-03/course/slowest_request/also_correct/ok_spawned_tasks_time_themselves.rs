//! Correct, written another way: one `tokio::spawn`ed task per id that starts and stops its own clock inside the task, so awaiting the handles one after another adds nothing to any time; the slowest is kept in a running `Option` with `is_none_or` instead of `max_by_key`.

use std::time::{Duration, Instant};

use reqwest::Client;

/// The id whose request took the longest, or `None` if there were no ids.
pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    // Every task is spawned (and so running) before the first handle is awaited. The request is
    // only built here; it is sent inside the task, after the task's clock has started.
    let handles: Vec<_> = ids
        .iter()
        .map(|&id| {
            let request = client.get(format!("{base_url}/posts/{id}"));
            tokio::spawn(async move {
                let start = Instant::now();
                if let Ok(response) = request.send().await {
                    // The whole answer, body included, whatever its status.
                    let _ = response.bytes().await;
                }
                (id, start.elapsed())
            })
        })
        .collect();

    // The times were measured inside the tasks, so the order we collect them in does not matter.
    let mut slowest: Option<(u64, Duration)> = None;
    for handle in handles {
        let Ok((id, took)) = handle.await else {
            continue; // a task that panicked has no time to report
        };
        if slowest.is_none_or(|(_, longest)| took > longest) {
            slowest = Some((id, took));
        }
    }
    slowest.map(|(id, _)| id)
}
