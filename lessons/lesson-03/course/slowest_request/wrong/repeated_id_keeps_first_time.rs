//! Wrong: breaks "every request counts" (with "an id listed twice is fetched twice"): both requests of a repeated id are sent and timed, but the times go into a map by id with `or_insert`, so only the first occurrence's time counts and a slow second request of a repeated id is never the answer; per-request clocks, body reading, failures counting, ids not positions and `None` for no ids are all right.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use futures::future::join_all;
use reqwest::Client;

/// The id whose request took the longest, or `None` if there were no ids.
pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let timed = ids.iter().map(|&id| async move {
        let start = Instant::now();
        // Success or not, the request is over once its body is in.
        let _ = async {
            let response = client.get(format!("{base_url}/posts/{id}")).send().await?;
            response.bytes().await
        }
        .await;
        (id, start.elapsed())
    });

    // How long each post took, one entry per post.
    let mut took: HashMap<u64, Duration> = HashMap::new();
    for (id, elapsed) in join_all(timed).await {
        took.entry(id).or_insert(elapsed);
    }

    took.into_iter()
        .max_by_key(|&(_, elapsed)| elapsed)
        .map(|(id, _)| id)
}
