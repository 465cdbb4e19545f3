//! Right: spawns one task per id into a `tokio::task::JoinSet` (a clone of `client`, an owned URL), each timing itself from its first poll to the end of its body, and keeps the longest as the tasks finish in any order; a task that panicked is skipped.

use std::time::{Duration, Instant};

use reqwest::Client;
use tokio::task::JoinSet;

/// The id whose request took the longest, or `None` if there were no ids.
pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let mut tasks = JoinSet::new();
    for &id in ids {
        let client = client.clone();
        let url = format!("{base_url}/posts/{id}");
        tasks.spawn(async move {
            let start = Instant::now();
            // Success or not, the request is over when its answer has been read.
            if let Ok(response) = client.get(url).send().await {
                let _ = response.text().await;
            }
            (id, start.elapsed())
        });
    }

    let mut slowest: Option<(u64, Duration)> = None;
    while let Some(joined) = tasks.join_next().await {
        if let Ok((id, took)) = joined {
            if slowest.is_none_or(|(_, longest)| took > longest) {
                slowest = Some((id, took));
            }
        }
    }
    slowest.map(|(id, _)| id)
}
