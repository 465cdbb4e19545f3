//! Wrong: breaks "every request counts, whether it succeeded or failed": a request that got no answer at all (a refused or dropped connection, a timeout) is given a time of zero instead of the time it actually took, so a slow failed connection can never be the slowest, and when every request fails that way the answer is just the last id; any answer that did arrive, 200 or 404 or 503, is timed right, to the end of its body, all at once through `client`.

use std::time::{Duration, Instant};

use futures::future::join_all;
use reqwest::Client;

/// The id whose request took the longest, or `None` if there were no ids.
pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let timed = ids.iter().map(|&id| async move {
        let start = Instant::now();
        let took = match client.get(format!("{base_url}/posts/{id}")).send().await {
            Ok(response) => {
                // Whatever the status, the answer is over only once its body is in.
                let _ = response.bytes().await;
                start.elapsed()
            }
            // No answer at all: there is nothing to time.
            Err(_) => Duration::ZERO,
        };
        (id, took)
    });
    join_all(timed)
        .await
        .into_iter()
        .max_by_key(|&(_, took)| took)
        .map(|(id, _)| id)
}
