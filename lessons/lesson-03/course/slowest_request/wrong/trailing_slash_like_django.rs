//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids`": it asks for `{base_url}/posts/{id}/` with a trailing slash (Django REST framework's canonical URLs), a different path; the per-request clock, the body read, errors counted, the id returned and `None` for no ids are all right.

use std::time::Instant;

use futures::future::join_all;
use reqwest::Client;

/// The id whose request took the longest, or `None` if there were no ids.
pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let timed = ids.iter().map(|&id| async move {
        let start = Instant::now();
        let _ = async {
            // Resource URLs end in a slash, so the server never has to redirect us.
            client
                .get(format!("{base_url}/posts/{id}/"))
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
