//! Correct, written another way: each request's clock is read in the `map` closure, as its future is built, not inside the `async` block at its first poll; `join_all` builds every future and then polls them all in one pass, with nothing awaited in between, so the two readings differ by microseconds, no request waits for a slot or for another's handle, and each time still ends when that request's body has been read (or it failed).

use std::time::Instant;

use futures::future::join_all;
use reqwest::Client;

/// The id whose request took the longest, or `None` if there were no ids.
pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let timed = ids.iter().map(|&id| {
        // The clock starts here, as the future is built; `join_all` polls it straight after.
        let start = Instant::now();
        async move {
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
        }
    });
    join_all(timed)
        .await
        .into_iter()
        .max_by_key(|&(_, elapsed)| elapsed)
        .map(|(id, _)| id)
}
