//! Wrong: breaks "each request's time is its own, from its start to the end of its answer (its body read, not only its head)": the clock stops at the first chunk of the body (`Response::chunk`, time to first byte), so a body that arrives in pieces is timed only to its first piece; every request is timed, successes and failures alike, all at once, with the id (not the position) returned and `None` for no ids.

use std::time::Instant;

use futures::future::join_all;
use reqwest::Client;

/// The id whose request took the longest, or `None` if there were no ids.
pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let timed = ids.iter().map(|&id| async move {
        let start = Instant::now();
        if let Ok(mut response) = client.get(format!("{base_url}/posts/{id}")).send().await {
            // Wait for the body to start arriving, not only the head: the server has really
            // answered once its first bytes are here (the classic time-to-first-byte). There
            // is no need to download the rest just to time it.
            let _ = response.chunk().await;
        }
        (id, start.elapsed())
    });

    join_all(timed)
        .await
        .into_iter()
        .max_by_key(|&(_, elapsed)| elapsed)
        .map(|(id, _)| id)
}
