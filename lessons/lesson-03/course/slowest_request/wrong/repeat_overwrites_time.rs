//! Wrong: breaks "every request counts": the times go into a `HashMap` keyed by id, so for an id listed twice the second measurement overwrites the first, and when the slow one of the pair is the one overwritten, the slowest request is lost (both requests are still sent, each timed on its own).

use std::collections::HashMap;
use std::time::{Duration, Instant};

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
                .bytes()
                .await
        }
        .await;
        (id, start.elapsed())
    });
    // Like a Python dict: {id: seconds}.
    let times: HashMap<u64, Duration> = join_all(timed).await.into_iter().collect();
    times
        .into_iter()
        .max_by_key(|&(_, took)| took)
        .map(|(id, _)| id)
}
