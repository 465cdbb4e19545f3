//! Wrong: breaks "every request counts, whether it succeeded or failed (a 404 or a 503, say): a slow error is still slow"
//! A request that got an answer, of any status, is timed to the end of its body; one that got
//! no answer at all (`send()` failed: refused, reset, dropped, timed out) is timed as `None`,
//! "there is no answer to time". `Option`'s order puts `None` below every `Some`, so
//! `max_by_key` still picks among the answered requests, and when none was answered (a
//! `base_url` that is no URL) it still returns an id, the last one: the learner believes both
//! clauses about failures are covered. But a connection the server holds for a second and then
//! drops, or one that runs into the client's timeout, is a slow failure, and it never wins.

use std::time::Instant;

use futures::future::join_all;
use reqwest::Client;

/// The id whose request took the longest, or `None` if there were no ids.
pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let timed = ids.iter().map(|&id| async move {
        let start = Instant::now();
        match client.get(format!("{base_url}/posts/{id}")).send().await {
            Ok(response) => {
                // A 404 or a 503 is an answer too: read it to its end, then stop the clock.
                let _ = response.bytes().await;
                (id, Some(start.elapsed()))
            }
            // No answer came back, so there is nothing to time.
            Err(_) => (id, None),
        }
    });
    join_all(timed)
        .await
        .into_iter()
        .max_by_key(|&(_, elapsed)| elapsed)
        .map(|(id, _)| id)
}
