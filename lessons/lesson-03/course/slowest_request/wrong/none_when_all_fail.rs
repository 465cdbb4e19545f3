//! Wrong: breaks "every request counts, whether it succeeded or failed": failures are timed and compared like successes, but when not one request succeeded (the server is down, every answer a 503) it returns `None`, as if there had been no ids.

use std::time::{Duration, Instant};

use futures::future::join_all;
use reqwest::Client;

/// The id whose request took the longest, or `None` if there were no ids.
pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let timed = ids.iter().map(|&id| async move {
        let start = Instant::now();
        let outcome = async {
            client
                .get(format!("{base_url}/posts/{id}"))
                .send()
                .await?
                .error_for_status()?
                .bytes()
                .await
        }
        .await;
        (id, start.elapsed(), outcome.is_ok())
    });
    let results: Vec<(u64, Duration, bool)> = join_all(timed).await;
    // With nothing but failures there is no server to measure, only an outage.
    if !results.iter().any(|&(_, _, ok)| ok) {
        return None;
    }
    results
        .into_iter()
        .max_by_key(|&(_, took, _)| took)
        .map(|(id, _, _)| id)
}
