//! Wrong: breaks "the answer is the id of the slowest request": the times are compared in whole seconds (`Duration::as_secs`, since `max_by_key` wants an `Ord` key and `as_secs_f64` is not one), so every request under a second ties at 0 and `max_by_key`, which keeps the last of equal maxima, returns the last id whichever was slowest.

use std::time::Instant;

use futures::future::join_all;
use reqwest::Client;

/// Post `id` and how many seconds its request took, failed or not.
async fn time_one(client: &Client, base_url: &str, id: u64) -> (u64, u64) {
    let start = Instant::now();
    if let Ok(response) = client.get(format!("{base_url}/posts/{id}")).send().await {
        let _ = response.text().await;
    }
    (id, start.elapsed().as_secs())
}

/// The id whose request took the longest, or `None` if there were no ids.
pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let timings = join_all(ids.iter().map(|&id| time_one(client, base_url, id))).await;
    timings
        .into_iter()
        .max_by_key(|&(_, seconds)| seconds)
        .map(|(id, _)| id)
}
