//! Wrong: breaks "every request counts, whether it succeeded or failed": a request whose `send()` failed (refused, dropped, timed out) gets no time at all, so a slow connection failure never wins and `None` comes back when no request got an answer (the contract wants the slowest of them); error statuses (404, 503) still count with their body read, and the rest is right.

use std::time::Instant;

use futures::future::join_all;
use reqwest::Client;

/// The id whose request took the longest, or `None` if there were no ids.
pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let timed = ids.iter().map(|&id| async move {
        let start = Instant::now();
        // A 404 or a 503 is still an answer, and it took time: it counts. No answer at all
        // (the connection failed) means there is no response time to measure.
        let response = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await
            .ok()?;
        // Read the body too, so the time covers the whole answer.
        let _ = response.bytes().await;
        Some((id, start.elapsed()))
    });

    join_all(timed)
        .await
        .into_iter()
        .flatten()
        .max_by_key(|&(_, elapsed)| elapsed)
        .map(|(id, _)| id)
}
