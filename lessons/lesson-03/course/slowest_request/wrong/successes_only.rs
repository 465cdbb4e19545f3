//! Wrong: breaks "every request counts, whether it succeeded or failed (a 404 or a 503, say): a slow error is still slow": only requests answered with a success status and a readable body are timed, so a slow 503 or 404 is left out and the slowest *successful* id is returned (`None` when every request failed).

use std::time::{Duration, Instant};

use futures::future::join_all;
use reqwest::Client;

/// How long post `id` took to arrive; `None` if it never did (an error status or no answer).
async fn time_one(client: &Client, base_url: &str, id: u64) -> Option<(u64, Duration)> {
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
}

/// The id whose request took the longest, or `None` if there were no ids.
pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let timings = join_all(ids.iter().map(|&id| time_one(client, base_url, id))).await;
    timings
        .into_iter()
        .flatten()
        .max_by_key(|&(_, took)| took)
        .map(|(id, _)| id)
}
