//! Wrong: breaks "each request's time is its own, from its start to the end of its answer (its body read, not only its head)": the clock is restarted when the head arrives, so an answer is timed from its head to its last byte and the wait for the head is left out (a request whose head never comes is still timed from its start); one request per id, all together, the body read, failures counted, the id returned and `None` for no ids are right.

use std::time::Instant;

use futures::future::join_all;
use reqwest::Client;

/// The id whose request took the longest, or `None` if there were no ids.
pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let timed = ids.iter().map(|&id| async move {
        let mut start = Instant::now();
        let _ = async {
            let response = client.get(format!("{base_url}/posts/{id}")).send().await?;
            // The answer is what we time: from its first byte (the head is in) to its last
            // (the body read). Sending the request is not part of the answer.
            start = Instant::now();
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
