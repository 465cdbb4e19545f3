//! Wrong: breaks "an id listed twice is fetched twice": each distinct id is timed once (a `HashSet` of the ids already seen), on the reasoning that a second request for the same post only measures the same thing again, so a repeated id sends fewer GETs than `ids` has entries.

use std::collections::HashSet;
use std::time::{Duration, Instant};

use futures::future::join_all;
use reqwest::Client;

/// Post `id` and how long its request took, from sending it to reading its body, failed or not.
async fn time_one(client: &Client, base_url: &str, id: u64) -> (u64, Duration) {
    let start = Instant::now();
    if let Ok(response) = client.get(format!("{base_url}/posts/{id}")).send().await {
        let _ = response.bytes().await;
    }
    (id, start.elapsed())
}

/// The id whose request took the longest, or `None` if there were no ids.
pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    // Timing the same post twice tells us nothing new.
    let mut seen = HashSet::new();
    let requests = ids
        .iter()
        .copied()
        .filter(|&id| seen.insert(id))
        .map(|id| time_one(client, base_url, id));
    join_all(requests)
        .await
        .into_iter()
        .max_by_key(|&(_, took)| took)
        .map(|(id, _)| id)
}
