//! Wrong: breaks "all of them in flight together, however many ids there are" and "without the time it spent waiting ... for a free slot": a `Semaphore` of 10 permits keeps at most 10 requests running (to be polite to the server), and each clock starts before its permit is acquired, so a queued request also counts the wait for a slot.

use std::time::{Duration, Instant};

use futures::future::join_all;
use reqwest::Client;
use tokio::sync::Semaphore;

/// At most this many requests at once: the server is not ours to flood.
const MAX_IN_FLIGHT: usize = 10;

/// The id whose request took the longest, or `None` if there were no ids.
pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let slots = Semaphore::new(MAX_IN_FLIGHT);
    let slots = &slots;
    let requests = ids.iter().map(|&id| async move {
        let start = Instant::now();
        let _slot = slots.acquire().await;
        if let Ok(response) = client.get(format!("{base_url}/posts/{id}")).send().await {
            let _ = response.bytes().await;
        }
        (id, start.elapsed())
    });
    let timings: Vec<(u64, Duration)> = join_all(requests).await;
    timings
        .into_iter()
        .max_by_key(|&(_, took)| took)
        .map(|(id, _)| id)
}
