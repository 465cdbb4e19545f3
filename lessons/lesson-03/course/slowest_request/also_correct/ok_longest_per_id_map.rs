//! Correct, written another way: each future returns its id with the two instants it read (start, end of the body), and the caller keeps the longest time per id in a `HashMap` (a repeated id keeps its slower run) before picking the slowest id from the map.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use futures::future::join_all;
use reqwest::Client;

/// The id whose request took the longest, or `None` if there were no ids.
pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let runs = ids.iter().map(|&id| async move {
        let started = Instant::now();
        let _ = async {
            client
                .get(format!("{base_url}/posts/{id}"))
                .send()
                .await?
                .bytes()
                .await
        }
        .await;
        (id, started, Instant::now())
    });

    // An id may be listed twice: what matters for it is its slower run.
    let mut longest: HashMap<u64, Duration> = HashMap::new();
    for (id, started, finished) in join_all(runs).await {
        let took = finished.saturating_duration_since(started);
        let entry = longest.entry(id).or_default();
        *entry = (*entry).max(took);
    }

    longest
        .into_iter()
        .max_by_key(|&(_, took)| took)
        .map(|(id, _)| id)
}
