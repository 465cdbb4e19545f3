//! Wrong: right when there are ids, but unwraps the maximum and panics on an empty list.

use std::time::Instant;

use futures::future::join_all;
use reqwest::Client;

pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let timed = ids.iter().map(|&id| async move {
        let start = Instant::now();
        let _ = client.get(format!("{base_url}/posts/{id}")).send().await;
        (id, start.elapsed())
    });
    let (id, _) = join_all(timed)
        .await
        .into_iter()
        .max_by_key(|&(_, elapsed)| elapsed)
        .unwrap();
    Some(id)
}
