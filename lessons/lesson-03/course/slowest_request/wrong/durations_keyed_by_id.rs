//! Wrong: breaks "an id listed twice is fetched twice"
//! Both requests of a repeated id are sent and timed, but the `(id, elapsed)` pairs are then
//! collected into a `HashMap<u64, Duration>` ("the time of each id") before the maximum is
//! taken, and a map keeps one time per id: the one listed last in `ids`, whatever the other was.
//! The learner thought of the map as a tidy id -> time table, with every id still in it. When
//! both requests of a repeated id take about as long, the answer is right; when its first
//! request is the slowest of all and its second is fast, that slow time is overwritten and
//! another id wins.

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

    // How long each id took.
    let times: HashMap<u64, Duration> = join_all(timed).await.into_iter().collect();
    times
        .into_iter()
        .max_by_key(|&(_, elapsed)| elapsed)
        .map(|(id, _)| id)
}
