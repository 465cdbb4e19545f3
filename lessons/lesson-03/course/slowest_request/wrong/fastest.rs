//! Wrong: concurrent and well timed, but keeps the shortest duration.

use std::time::Instant;

use futures::future::join_all;
use reqwest::Client;

pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let timed = ids.iter().map(|&id| async move {
        let start = Instant::now();
        let _ = client.get(format!("{base_url}/posts/{id}")).send().await;
        (id, start.elapsed())
    });
    join_all(timed)
        .await
        .into_iter()
        .min_by_key(|&(_, elapsed)| elapsed)
        .map(|(id, _)| id)
}
