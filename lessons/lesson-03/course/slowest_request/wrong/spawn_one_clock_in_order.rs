//! Wrong: breaks "each request's time is its own ... without the time it spent waiting ... for the handles awaited before its own": every request is spawned at once, but one clock started before the spawns is read as each handle is awaited in turn, so a request's time includes every handle before it and the last id in `ids` always comes out slowest.

use std::time::{Duration, Instant};

use reqwest::Client;

/// The id whose request took the longest, or `None` if there were no ids.
pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let start = Instant::now();
    // One task per request, all running together (`asyncio.create_task`).
    let handles: Vec<_> = ids
        .iter()
        .map(|&id| {
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            let handle = tokio::spawn(async move {
                if let Ok(response) = client.get(url).send().await {
                    let _ = response.bytes().await;
                }
            });
            (id, handle)
        })
        .collect();

    let mut slowest: Option<(u64, Duration)> = None;
    for (id, handle) in handles {
        let _ = handle.await;
        // Done: this request took from the start until now.
        let took = start.elapsed();
        if slowest.is_none_or(|(_, longest)| took > longest) {
            slowest = Some((id, took));
        }
    }
    slowest.map(|(id, _)| id)
}
