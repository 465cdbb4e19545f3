//! Also correct: all requests start together, so the slowest is the last one to finish; a
//! `FuturesUnordered` yields them as they finish, and the last id it yields is the answer.

use futures::StreamExt;
use futures::stream::FuturesUnordered;
use reqwest::Client;

pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let mut running: FuturesUnordered<_> = ids
        .iter()
        .map(|&id| async move {
            // Done when the whole answer is in: its body read too.
            if let Ok(response) = client.get(format!("{base_url}/posts/{id}")).send().await {
                let _ = response.bytes().await;
            }
            id
        })
        .collect();
    let mut last = None;
    while let Some(id) = running.next().await {
        last = Some(id);
    }
    last
}
