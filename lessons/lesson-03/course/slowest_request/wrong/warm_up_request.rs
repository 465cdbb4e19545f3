//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids`"
//! A learner who has done benchmarks knows to warm up first: the pool starts cold, and
//! whichever request opens the first connection would pay for the handshake on its clock. So,
//! once `ids` is known not to be empty, one untimed GET of the first id's URL is sent and read to
//! its end, and only then are all the ids fetched together and timed, each on its own clock,
//! whatever its status. The answer is right, and nothing is sent for an empty list; but the
//! first id is fetched one more time than it is listed (the learner counts the warm-up as
//! "not part of the measurement", not as a request). A check that counts the requests per id,
//! not only that each id was asked for, sees it.

use std::time::Instant;

use futures::future::join_all;
use reqwest::Client;

/// The id whose request took the longest, or `None` if there were no ids.
pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let &first = ids.first()?;
    // Warm the connection pool so that no timed request pays for opening it.
    if let Ok(response) = client.get(format!("{base_url}/posts/{first}")).send().await {
        let _ = response.bytes().await;
    }

    let timed = ids.iter().map(|&id| async move {
        let start = Instant::now();
        if let Ok(response) = client.get(format!("{base_url}/posts/{id}")).send().await {
            let _ = response.bytes().await;
        }
        (id, start.elapsed())
    });
    join_all(timed)
        .await
        .into_iter()
        .max_by_key(|&(_, elapsed)| elapsed)
        .map(|(id, _)| id)
}
