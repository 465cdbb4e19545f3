//! Wrong: breaks "each request's time is its own, from its start to the end of its answer (its body read, not only its head)"
//! The timed block is exercise 1's chain with `.bytes()` at the end:
//! `send()?.error_for_status()?.bytes()`. The learner kept `error_for_status` out of habit,
//! reasoning that the result is dropped with `let _ =` anyway, so a 404 or a 503 is still timed
//! and still counts. It is timed, but only to its head: the `?` after `error_for_status` leaves
//! the block before the body is read. A success is timed to the end of its body, a failure whose
//! delay comes before its head is timed right, and a connection error is timed too; only an
//! error status whose body is slow (a 503 that streams its explanation) is cut short, and loses
//! to a faster request.

use std::time::Instant;

use futures::future::join_all;
use reqwest::Client;

/// The id whose request took the longest, or `None` if there were no ids.
pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let timed = ids.iter().map(|&id| async move {
        let start = Instant::now();
        // Success or failure, the answer is in when this block ends; its result is not needed.
        let _ = async {
            client
                .get(format!("{base_url}/posts/{id}"))
                .send()
                .await?
                .error_for_status()?
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
