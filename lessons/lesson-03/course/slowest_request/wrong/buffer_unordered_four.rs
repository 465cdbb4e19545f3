//! Wrong: makes every future (and starts its clock) first, then runs them 4 at a time with
//! `buffer_unordered(4)`: the requests are not all in flight together, and the time a request
//! waits for a slot counts as its own.

use std::time::Instant;

use futures::StreamExt;
use futures::stream;
use reqwest::Client;

pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let requests: Vec<_> = ids
        .iter()
        .map(|&id| {
            let start = Instant::now();
            async move {
                let _ = client.get(format!("{base_url}/posts/{id}")).send().await;
                (id, start.elapsed())
            }
        })
        .collect();
    let timed: Vec<_> = stream::iter(requests).buffer_unordered(4).collect().await;
    timed
        .into_iter()
        .max_by_key(|&(_, elapsed)| elapsed)
        .map(|(id, _)| id)
}
