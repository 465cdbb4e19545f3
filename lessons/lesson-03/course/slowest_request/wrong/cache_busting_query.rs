//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids`": to keep caches from making a request look fast, each one carries `?nocache=<nanoseconds>`, so the URL is not the one asked for, only its path is; the per-request clock, the body read, errors counted, the id returned and `None` for no ids are all right.

use std::time::{Instant, SystemTime, UNIX_EPOCH};

use futures::future::join_all;
use reqwest::Client;

/// The id whose request took the longest, or `None` if there were no ids.
pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let timed = ids.iter().map(|&id| async move {
        // A cached answer would be "fast" for the wrong reason: make every URL unique.
        let stamp = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|since| since.as_nanos())
            .unwrap_or_default();
        let start = Instant::now();
        let _ = async {
            client
                .get(format!("{base_url}/posts/{id}"))
                .query(&[("nocache", stamp.to_string())])
                .send()
                .await?
                .bytes()
                .await
        }
        .await;
        (id, start.elapsed())
    });
    join_all(timed)
        .await
        .into_iter()
        .max_by_key(|&(_, took)| took)
        .map(|(id, _)| id)
}
