//! Correct, written another way: one spawned task per id in a `JoinSet`, each reading its own clock inside the task, and the slowest kept as a running maximum while the tasks come back in the order they finish, instead of `join_all` and `max_by_key`.

use std::time::{Duration, Instant};

use reqwest::Client;
use tokio::task::JoinSet;

/// The id whose request took the longest, or `None` if there were no ids.
pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let mut timers = JoinSet::new();
    for &id in ids {
        let client = client.clone();
        let url = format!("{base_url}/posts/{id}");
        timers.spawn(async move {
            // The stopwatch starts inside the task, so it measures this request alone.
            let start = Instant::now();
            if let Ok(response) = client.get(url).send().await {
                // Whatever the status: the answer is over when its body is in.
                let _ = response.bytes().await;
            }
            (id, start.elapsed())
        });
    }

    let mut slowest: Option<(u64, Duration)> = None;
    while let Some(joined) = timers.join_next().await {
        let Ok((id, took)) = joined else { continue };
        let longer = match slowest {
            Some((_, longest)) => took > longest,
            None => true,
        };
        if longer {
            slowest = Some((id, took));
        }
    }
    slowest.map(|(id, _)| id)
}
