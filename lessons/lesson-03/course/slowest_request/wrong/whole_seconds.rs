//! Wrong: compares times in whole seconds (`as_secs`), which rounds every sub-second request to
//! 0, so the "slowest" is just the last of many ties.

use std::time::Instant;

use futures::future::join_all;
use reqwest::Client;

pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let timed = ids.iter().map(|&id| async move {
        let start = Instant::now();
        let _ = client.get(format!("{base_url}/posts/{id}")).send().await;
        (id, start.elapsed().as_secs())
    });
    join_all(timed)
        .await
        .into_iter()
        .max_by_key(|&(_, seconds)| seconds)
        .map(|(id, _)| id)
}
