//! Wrong: starts every task at once, but reads the clock as it awaits each handle in turn, so a
//! request's time includes waiting for the ones before it.

use std::time::Instant;

use reqwest::Client;

pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let start = Instant::now();
    let handles: Vec<_> = ids
        .iter()
        .map(|&id| {
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            (
                id,
                tokio::spawn(async move { client.get(url).send().await }),
            )
        })
        .collect();
    let mut timed = Vec::new();
    for (id, handle) in handles {
        let _ = handle.await;
        timed.push((id, start.elapsed()));
    }
    timed
        .into_iter()
        .max_by_key(|&(_, elapsed)| elapsed)
        .map(|(id, _)| id)
}
