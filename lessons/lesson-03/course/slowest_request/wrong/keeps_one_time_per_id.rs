//! Wrong: breaks "every request counts, ... an id listed twice is fetched twice": like `{id: elapsed for id, elapsed in results}`, it collects the times into a `HashMap` keyed by id, so when an id repeats, its later request's time overwrites the earlier one, and a slow first request of a repeated id is forgotten if its second request was quick.
//!
//! `slowest_request` fetches `{base_url}/posts/{id}` for every entry of `ids`, concurrently, over
//! the client it is given, times each request from its own start to its own end, and returns the
//! id of the one that took longest.

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
    let times: HashMap<u64, Duration> = join_all(timed).await.into_iter().collect();
    times
        .into_iter()
        .max_by_key(|&(_, elapsed)| elapsed)
        .map(|(id, _)| id)
}
