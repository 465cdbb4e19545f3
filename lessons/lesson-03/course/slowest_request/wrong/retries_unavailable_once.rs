//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids`": a 503 is retried once after 100 ms (urllib3's `Retry(status_forcelist=[503])` habit), so a busy post is asked for twice and its time grows by the pause and the second answer; the clock per request, the body read, errors counted, the id returned and `None` for no ids are all right.

use std::time::{Duration, Instant};

use futures::future::join_all;
use reqwest::{Client, StatusCode};

/// The id whose request took the longest, or `None` if there were no ids.
pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let timed = ids.iter().map(|&id| async move {
        let url = format!("{base_url}/posts/{id}");
        let start = Instant::now();
        let _ = async {
            let mut response = client.get(&url).send().await?;
            // 503 means "busy right now": one more try usually gets through.
            if response.status() == StatusCode::SERVICE_UNAVAILABLE {
                tokio::time::sleep(Duration::from_millis(100)).await;
                response = client.get(&url).send().await?;
            }
            // The whole answer, body included.
            response.bytes().await
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
