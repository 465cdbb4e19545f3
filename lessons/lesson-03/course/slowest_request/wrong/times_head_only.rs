//! Wrong: breaks "each request's time is its own, from its start to its answer": the stopwatch stops when `send()` returns, that is when the status line and headers are in, and the body is dropped unread, so a request whose head comes at once and whose body trickles in late is timed as fast.

use std::time::{Duration, Instant};

use futures::future::join_all;
use reqwest::Client;

/// The id whose request took the longest, or `None` if there were no ids.
pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let timed = ids.iter().map(|&id| async move {
        let start = Instant::now();
        // The server has answered once the status is known; whether it is a success or not
        // does not matter for the timing, and the body is not needed.
        let _answer = client.get(format!("{base_url}/posts/{id}")).send().await;
        let took: Duration = start.elapsed();
        (id, took)
    });
    join_all(timed)
        .await
        .into_iter()
        .max_by_key(|&(_, took)| took)
        .map(|(id, _)| id)
}
