//! Correct, written another way: one spawned task per request in a `tokio::task::JoinSet`
//! (over a clone of `client`, which shares its pool and settings), each task reading its own
//! clock from its first poll to the end of its body whatever the status, and resolving to
//! `(id, elapsed)`; the caller keeps a running maximum as `join_next` hands the results back in
//! the order they finish, so no time includes a wait for another handle. A task that panicked
//! is skipped instead of panicking here, and dropping the set aborts what is left.

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
            if let Ok(response) = client.get(url).send().await {
                // Read to its end, whatever its status; the bytes themselves are not needed.
                let _ = response.bytes().await;
            }
            (id, start.elapsed())
        });
    }

    let mut slowest: Option<(u64, Duration)> = None;
    while let Some(joined) = tasks.join_next().await {
        let Ok((id, elapsed)) = joined else { continue };
        match slowest {
            Some((_, longest)) if longest >= elapsed => {}
            _ => slowest = Some((id, elapsed)),
        }
    }
    slowest.map(|(id, _)| id)
}
