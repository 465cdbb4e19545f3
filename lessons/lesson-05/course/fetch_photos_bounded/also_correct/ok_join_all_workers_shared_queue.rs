//! Correct, written another way: no stream and no spawn: `join_all` over `min(limit, ids)` worker futures (at least one) that share one `Mutex`-guarded iterator of `(position, id)`; each worker takes the next entry, fetches it to the end of its body, writes the result into that position's slot, and takes the next, so a freed worker starts the next id at once.

use std::sync::{Mutex, PoisonError};

use futures::future::join_all;
use lesson_support::models::Photo;
use reqwest::Client;

/// Fetches the photos with the given ids, at most `limit` requests at a time; one result per
/// id, in the order of `ids`.
pub async fn fetch_photos_bounded(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    limit: usize,
) -> Vec<Result<Photo, reqwest::Error>> {
    // The work still to do, in the order of `ids`, shared by every worker.
    let queue = Mutex::new(ids.iter().copied().enumerate());
    // One slot per entry of `ids`, filled in whatever order the answers come.
    let slots: Mutex<Vec<Option<Result<Photo, reqwest::Error>>>> =
        Mutex::new(std::iter::repeat_with(|| None).take(ids.len()).collect());

    // `limit` workers, each with one request in flight at most; no more workers than ids
    // (which also keeps `usize::MAX` reasonable), and at least one (a limit of 0 is 1).
    let workers = limit.clamp(1, ids.len().max(1));
    let (queue, slots_ref) = (&queue, &slots);
    join_all((0..workers).map(|_| async move {
        loop {
            // The lock is released at the end of this statement, before any `.await`.
            let next = queue.lock().unwrap_or_else(PoisonError::into_inner).next();
            let Some((position, id)) = next else {
                break;
            };
            let photo = lesson_05::fetch_photo(client, base_url, id).await;
            slots_ref.lock().unwrap_or_else(PoisonError::into_inner)[position] = Some(photo);
        }
    }))
    .await;

    // Every slot was filled by the worker that took its entry.
    slots
        .into_inner()
        .unwrap_or_else(PoisonError::into_inner)
        .into_iter()
        .flatten()
        .collect()
}
