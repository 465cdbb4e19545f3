//! Wrong: breaks "each request's time is its own, from its start to the end of its answer (its body read, not only its head)": it reads the body only when the answer announces its length (`content_length()` is `Some(n)` with `n > 0`), meaning to skip waiting on answers that have no body (a 204, a `HEAD`); an answer sent in chunks announces no length, so its body is never read and its clock stops at its head, and a slow chunked body does not count at all.

use std::time::Instant;

use futures::future::join_all;
use reqwest::Client;

/// The id whose request took the longest, or `None` if there were no ids.
pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let timed = ids.iter().map(|&id| async move {
        let start = Instant::now();
        let _ = async {
            let response = client.get(format!("{base_url}/posts/{id}")).send().await?;
            // Only a body the server announced is worth waiting for.
            if matches!(response.content_length(), Some(length) if length > 0) {
                response.bytes().await?;
            }
            Ok::<_, reqwest::Error>(())
        }
        .await;
        (id, start.elapsed())
    });
    join_all(timed)
        .await
        .into_iter()
        .max_by_key(|&(_, elapsed)| elapsed)
        .map(|(id, _)| id)
}
