//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids`": before the timed batch it sends an untimed warm-up GET for the first id, so that post is fetched one more time than it is listed; each timed request has its own clock to the end of its body, they all run together, failures count, the id (not the position) and `None` without a request for no ids are right.

use std::time::Instant;

use futures::future::join_all;
use reqwest::Client;

/// The id whose request took the longest, or `None` if there were no ids.
pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let &first = ids.first()?; // no ids: no answer, and nothing sent

    // Benchmark hygiene: the first request to a host pays for opening the connection, and
    // would look slow for no fault of its own. One untimed request warms the pool up.
    let _ = async {
        client
            .get(format!("{base_url}/posts/{first}"))
            .send()
            .await?
            .bytes()
            .await
    }
    .await;

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
    join_all(timed)
        .await
        .into_iter()
        .max_by_key(|&(_, took)| took)
        .map(|(id, _)| id)
}
