//! Wrong: times each request correctly, but runs them one after another.

use std::time::{Duration, Instant};

use reqwest::Client;

pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let mut slowest: Option<(u64, Duration)> = None;
    for &id in ids {
        let start = Instant::now();
        let _ = client.get(format!("{base_url}/posts/{id}")).send().await;
        let elapsed = start.elapsed();
        if slowest.is_none_or(|(_, longest)| elapsed > longest) {
            slowest = Some((id, elapsed));
        }
    }
    slowest.map(|(id, _)| id)
}
