//! Wrong: breaks "each request's time is its own, from its start to the end of its answer [...] without the time it spent waiting for other requests (for a free slot ...)": the clock starts as each future is built (fine on its own, since `join_all` polls them all at once), but the learner then spaces the sends 5 ms apart so as not to hit the server with one burst, and that wait for its turn is inside each request's time, so late entries look slower by up to 5 ms per entry ahead of them.

use std::time::{Duration, Instant};

use futures::future::join_all;
use reqwest::Client;

/// How far apart the requests leave, so that the server does not see one burst.
const STAGGER: Duration = Duration::from_millis(5);

/// The id whose request took the longest, or `None` if there were no ids.
pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let timed = ids.iter().enumerate().map(|(position, &id)| {
        let start = Instant::now();
        let turn = STAGGER * u32::try_from(position).unwrap_or(u32::MAX);
        async move {
            tokio::time::sleep(turn).await;
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
