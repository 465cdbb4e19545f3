//! Wrong: breaks "each request's time is its own, from its start to the end of its answer (its body read, not only its head)" for failed requests: carrying over exercise 7's chain, it calls `error_for_status()?` before `.bytes()`, so a 404 or 503 stops its clock at the head and a slow error body is never timed (successes are timed to the end of their body).
//!
//! `slowest_request` fetches `{base_url}/posts/{id}` for every entry of `ids`, concurrently, over
//! the client it is given, times each request from its own start to its own end, and returns the
//! id of the one that took longest.

use std::time::Instant;

use futures::future::join_all;
use reqwest::Client;

/// The id whose request took the longest, or `None` if there were no ids.
pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let timed = ids.iter().map(|&id| async move {
        let start = Instant::now();
        let _ = async {
            client
                .get(format!("{base_url}/posts/{id}"))
                .send()
                .await?
                .error_for_status()?
                .bytes()
                .await
        }
        .await;
        (id, start.elapsed())
    });
    join_all(timed)
        .await
        .into_iter()
        .max_by_key(|&(_, elapsed)| elapsed)
        .map(|(id, _)| id)
}
