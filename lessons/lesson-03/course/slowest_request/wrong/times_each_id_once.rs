//! Wrong: breaks "an id listed twice is fetched twice": it removes repeated ids before timing (the answer is an id, so a second fetch of the same post looks useless), so a repeated id is requested once and only that one request's time counts; concurrency, per-request clocks, failures counted and `None` for no ids are right.

use std::collections::HashSet;
use std::time::Instant;

use futures::future::join_all;
use reqwest::Client;

/// The id whose request took the longest, or `None` if there were no ids.
pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    // The answer is an id, so the same post fetched twice cannot change it: time each one once.
    let unique: HashSet<u64> = ids.iter().copied().collect();

    let timed = unique.into_iter().map(|id| async move {
        let start = Instant::now();
        let _ = async {
            let response = client.get(format!("{base_url}/posts/{id}")).send().await?;
            response.bytes().await
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
