//! Also correct: one `tokio::spawn`ed task per id, each timing itself, with a clone of the
//! client; the handles awaited together.

use std::time::Instant;

use futures::future::join_all;
use reqwest::Client;

pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let handles = ids.iter().map(|&id| {
        let client = client.clone();
        let url = format!("{base_url}/posts/{id}");
        tokio::spawn(async move {
            let start = Instant::now();
            if let Ok(response) = client.get(url).send().await {
                let _ = response.bytes().await;
            }
            (id, start.elapsed())
        })
    });
    let mut slowest = None;
    for (id, elapsed) in join_all(handles).await.into_iter().flatten() {
        if slowest.is_none_or(|(_, longest)| elapsed > longest) {
            slowest = Some((id, elapsed));
        }
    }
    slowest.map(|(id, _)| id)
}
