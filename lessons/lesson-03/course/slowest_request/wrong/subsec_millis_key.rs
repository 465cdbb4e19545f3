//! Wrong: breaks "the answer is the id of the slowest request"
//! Every request is timed right (its own clock, started at its first poll, stopped once its body
//! is read, whatever its status), but the time is kept as `elapsed.subsec_millis()`: the learner
//! wanted a plain millisecond count, found `as_millis()` returns a `u128`, and took the `u32`
//! that autocomplete offered next to it. `subsec_millis` is only the fractional part of the
//! `Duration`, so a request of 1.2 s counts as 200 and loses to one of 0.6 s. Every check whose
//! latencies stay under a second passes; once the slowest request takes a second or more, a
//! faster one wins.

use std::time::Instant;

use futures::future::join_all;
use reqwest::Client;

/// The id whose request took the longest, or `None` if there were no ids.
pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let timed = ids.iter().map(|&id| async move {
        let start = Instant::now();
        // Success or failure, the answer is in once its body is read (or the request failed).
        if let Ok(response) = client.get(format!("{base_url}/posts/{id}")).send().await {
            let _ = response.bytes().await;
        }
        // Milliseconds as a plain number: easier to compare and to log than a `Duration`.
        let millis: u32 = start.elapsed().subsec_millis();
        (id, millis)
    });
    join_all(timed)
        .await
        .into_iter()
        .max_by_key(|&(_, millis)| millis)
        .map(|(id, _)| id)
}
