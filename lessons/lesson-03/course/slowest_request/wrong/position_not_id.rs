//! Wrong: returns where the slowest id stands in the list instead of the id itself.

use std::time::Instant;

use futures::future::join_all;
use reqwest::Client;

pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let timed = ids.iter().map(|&id| async move {
        let start = Instant::now();
        let _ = client.get(format!("{base_url}/posts/{id}")).send().await;
        start.elapsed()
    });
    let durations = join_all(timed).await;
    (0..durations.len())
        .max_by_key(|&i| durations[i])
        .map(|i| i as u64)
}
