//! Wrong: breaks "each request's time is its own, from its start to the end of its answer (its body read, not only its head)": for a failed request `error_for_status()?` stops before `.bytes()`, so an error answer (a 404 or a 503) is timed only to its head and a slow error body is not counted; successes are timed in full, and concurrency, ids and `None` for no ids are right.

use std::time::Instant;

use futures::future::join_all;
use reqwest::Client;

/// The id whose request took the longest, or `None` if there were no ids.
pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let timed = ids.iter().map(|&id| async move {
        // Each future has its own stopwatch, started when the request starts.
        let start = Instant::now();
        let _ = async {
            // The same chain as in exercise 7, ending with the body so it is read in full.
            let response = client
                .get(format!("{base_url}/posts/{id}"))
                .send()
                .await?
                .error_for_status()?;
            response.bytes().await
        }
        .await;
        // Success or failure, the request is over: stop the clock.
        (id, start.elapsed())
    });

    join_all(timed)
        .await
        .into_iter()
        .max_by_key(|&(_, elapsed)| elapsed)
        .map(|(id, _)| id)
}
