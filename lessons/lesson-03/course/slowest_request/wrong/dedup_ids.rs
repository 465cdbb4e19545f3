//! Wrong: times each distinct id once (Python's `set(ids)`), so a repeated id is fetched once.

use std::collections::BTreeSet;
use std::time::Instant;

use futures::future::join_all;
use reqwest::Client;

pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let unique: BTreeSet<u64> = ids.iter().copied().collect();
    let timed = unique.into_iter().map(|id| async move {
        let start = Instant::now();
        let _ = client.get(format!("{base_url}/posts/{id}")).send().await;
        (id, start.elapsed())
    });
    join_all(timed)
        .await
        .into_iter()
        .max_by_key(|&(_, elapsed)| elapsed)
        .map(|(id, _)| id)
}
