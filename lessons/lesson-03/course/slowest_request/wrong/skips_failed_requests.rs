//! Wrong: only times the requests that succeeded, so a slow 404 or 500 is never the answer.

use std::time::Instant;

use futures::future::join_all;
use reqwest::Client;

pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let timed = ids.iter().map(|&id| async move {
        let start = Instant::now();
        let response = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await
            .ok()?
            .error_for_status()
            .ok()?;
        response.bytes().await.ok()?;
        Some((id, start.elapsed()))
    });
    join_all(timed)
        .await
        .into_iter()
        .flatten()
        .max_by_key(|&(_, elapsed)| elapsed)
        .map(|(id, _)| id)
}
