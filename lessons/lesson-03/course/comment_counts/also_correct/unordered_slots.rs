//! Correct: unusual because it runs the requests through a `FuturesUnordered`, which yields them
//! in the order they finish, and sorts the results back by their position in `ids`; so the output is
//! still in the order of `ids` (repeats included), every request is in flight at once, nothing
//! is sent for an empty `ids`, and each failure is kept as an `Err`.

use futures::stream::{FuturesUnordered, StreamExt};
use lesson_support::models::Comment;
use reqwest::Client;

/// Counts the comments of each post in `ids`, all at once: `(id, count)` in the order of `ids`.
pub async fn comment_counts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<(u64, Result<usize, reqwest::Error>)> {
    let mut in_flight: FuturesUnordered<_> = ids
        .iter()
        .enumerate()
        .map(|(slot, &id)| async move {
            let response = client
                .get(format!("{base_url}/posts/{id}/comments"))
                .send()
                .await;
            let count = match response.and_then(|r| r.error_for_status()) {
                Ok(response) => response.json::<Vec<Comment>>().await.map(|c| c.len()),
                Err(err) => Err(err),
            };
            (slot, count)
        })
        .collect();

    let mut finished = Vec::with_capacity(ids.len());
    while let Some(done) = in_flight.next().await {
        finished.push(done);
    }
    // Back from arrival order to the order of `ids`: the slot is the position in `ids`.
    finished.sort_by_key(|(slot, _)| *slot);
    finished
        .into_iter()
        .map(|(slot, count)| (ids[slot], count))
        .collect()
}
