//! Wrong: breaks "the answer is the id of the slowest request, not its position in `ids`"
//! The requests run together under `select_all`, each future timing itself from its first poll
//! to the end of its body and resolving to its `Duration` alone; the learner takes each
//! finished one's id from the index `select_all` hands back. Having noticed that the list of
//! futures shrinks every round, they keep a list of the waiting ids in step with it, and drop
//! the finished id with `Vec::remove`. But `select_all` drops the finished future with
//! `swap_remove`: the last future moves into the freed slot, while `remove` shifts the ids
//! down, and from the first finish not at the end of the list on, times are paired with the
//! wrong ids. With two ids, or when the answers come back from the end of the list first, every
//! pairing is still right; with `[fast, slow, medium]` the slow time is given to `medium`.

use std::time::{Duration, Instant};

use futures::future::select_all;
use reqwest::Client;

/// The id whose request took the longest, or `None` if there were no ids.
pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    // `select_all` panics on an empty list.
    if ids.is_empty() {
        return None;
    }
    let mut running: Vec<_> = ids
        .iter()
        .map(|&id| {
            Box::pin(async move {
                let start = Instant::now();
                if let Ok(response) = client.get(format!("{base_url}/posts/{id}")).send().await {
                    let _ = response.bytes().await;
                }
                start.elapsed()
            })
        })
        .collect();
    // The ids of the futures still running, in step with `running`.
    let mut waiting: Vec<u64> = ids.to_vec();
    let mut slowest: Option<(u64, Duration)> = None;
    while !running.is_empty() {
        let (elapsed, index, rest) = select_all(running).await;
        running = rest;
        let id = waiting.remove(index);
        match slowest {
            Some((_, longest)) if longest >= elapsed => {}
            _ => slowest = Some((id, elapsed)),
        }
    }
    slowest.map(|(id, _)| id)
}
