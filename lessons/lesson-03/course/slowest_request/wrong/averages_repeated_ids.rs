//! Wrong: breaks "each request's time is its own, from its start to the end of its answer": every request is timed on its own clock, but an id listed more than once is then judged by the mean of its requests' times, the benchmarking habit of averaging repeated measurements of the same thing; a repeated id whose one request was by far the slowest still wins when the others are quick, but halved by a fast twin it can fall behind a request that was slower than its average yet faster than its slowest run.

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
    let times = join_all(timed).await;

    // One line per id, in the order ids first appear: the sum of its times and how many.
    let mut per_id: Vec<(u64, Duration, u32)> = Vec::new();
    for (id, elapsed) in times {
        match per_id.iter_mut().find(|(known, _, _)| *known == id) {
            Some((_, total, count)) => {
                *total += elapsed;
                *count += 1;
            }
            None => per_id.push((id, elapsed, 1)),
        }
    }
    per_id
        .into_iter()
        .map(|(id, total, count)| (id, total / count))
        .max_by_key(|&(_, mean)| mean)
        .map(|(id, _)| id)
}
