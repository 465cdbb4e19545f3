//! Wrong: breaks "the answer is the id of the slowest request, not its position in `ids`": the requests are timed in the order of `ids` and the answer is the position of the longest plus one ("post 1 is at index 0"), which is the right id only when `ids` is exactly 1, 2, 3, …

use std::time::{Duration, Instant};

use futures::future::join_all;
use reqwest::Client;

/// How long one request takes, from sending it to having read its body, failed or not.
async fn time_one(client: &Client, base_url: &str, id: u64) -> Duration {
    let start = Instant::now();
    if let Ok(response) = client.get(format!("{base_url}/posts/{id}")).send().await {
        let _ = response.bytes().await;
    }
    start.elapsed()
}

/// The id whose request took the longest, or `None` if there were no ids.
pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    // `join_all` keeps the order of `ids`, so the times line up with the posts.
    let times = join_all(ids.iter().map(|&id| time_one(client, base_url, id))).await;
    times
        .iter()
        .enumerate()
        .max_by_key(|&(_, took)| *took)
        .map(|(index, _)| index as u64 + 1)
}
