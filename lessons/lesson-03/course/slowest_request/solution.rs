//! Exercise 8, solved: which request was the slowest?

use std::time::Instant;

use futures::future::join_all;
use reqwest::Client;

/// The id whose request took the longest, or `None` if there were no ids.
///
/// The contract is in the stub (`course/slowest_request/stub.rs`): every entry of `ids` fetched,
/// all in flight together through `client`, each timed on its own clock, failures included.
pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let timed = ids.iter().map(|&id| async move {
        // The clock starts when this future is first polled, which `join_all` does for all of
        // them at once, so each duration covers only its own request.
        let start = Instant::now();
        // Success or failure, the request took this long: the result itself does not matter.
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
        .max_by_key(|&(_, elapsed)| elapsed)
        .map(|(id, _)| id)
}
