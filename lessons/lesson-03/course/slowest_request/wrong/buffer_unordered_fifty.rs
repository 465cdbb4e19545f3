//! Wrong: `buffer_unordered(50)`, the constant from many a blog post, caps the requests in flight
//! at 50 (each clock starts inside its future, so the times themselves are right).

use std::time::Instant;

use futures::StreamExt;
use futures::stream;
use reqwest::Client;

pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let timed: Vec<_> = stream::iter(ids)
        .map(|&id| async move {
            let start = Instant::now();
            let _ = client.get(format!("{base_url}/posts/{id}")).send().await;
            (id, start.elapsed())
        })
        .buffer_unordered(50)
        .collect()
        .await;
    timed
        .into_iter()
        .max_by_key(|&(_, elapsed)| elapsed)
        .map(|(id, _)| id)
}
