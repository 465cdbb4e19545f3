//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids`": with a single id it answers that id at once without sending its request (one request is trivially its own slowest); with two ids or more everything is right: per-request clocks to the end of the body, all together, failures counted, the id returned, `None` for no ids.

use std::time::Instant;

use futures::future::join_all;
use reqwest::Client;

/// The id whose request took the longest, or `None` if there were no ids.
pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    // Nothing to compare: no ids has no slowest, and a lone id is its own slowest, whatever
    // its request would take. No need to hit the network for either.
    if ids.len() <= 1 {
        return ids.first().copied();
    }

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
