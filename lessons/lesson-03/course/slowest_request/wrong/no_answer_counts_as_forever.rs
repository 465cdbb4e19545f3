//! Wrong: breaks "each request's time is its own, from its start to the end of its answer": a request that got no answer at all (`send()` failed: refused, reset, dropped) is counted as `Duration::MAX` instead of the time it really took, so a connection that fails at once beats a slow answer; answers of any status are timed right (body read), all run at once, ids not positions, `None` for no ids.

use std::time::{Duration, Instant};

use futures::future::join_all;
use reqwest::Client;

/// The id whose request took the longest, or `None` if there were no ids.
pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let timed = ids.iter().map(|&id| async move {
        let start = Instant::now();
        let elapsed = match client.get(format!("{base_url}/posts/{id}")).send().await {
            Ok(response) => {
                // A 404 or a 503 is still an answer: read it to the end, then stop the clock.
                let _ = response.bytes().await;
                start.elapsed()
            }
            // No answer at all: as far as we know it never finished, which makes it the
            // slowest request there can be.
            Err(_) => Duration::MAX,
        };
        (id, elapsed)
    });

    join_all(timed)
        .await
        .into_iter()
        .max_by_key(|&(_, elapsed)| elapsed)
        .map(|(id, _)| id)
}
