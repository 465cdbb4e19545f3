//! Wrong: breaks "the requests start in the order of `ids`": `limit` workers share a to-do list and take jobs with `Vec::pop` (Python's `list.pop()` habit), which takes from the end, so the last id is requested first and the ids start in reverse order; the window (at most and always `limit` in flight), one result per id in the order of `ids`, repeated ids, errors, 0, huge limits and no ids are all right.

use std::sync::{Mutex, PoisonError};

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
    // A worker per slot: at least one, and no more than there are ids (so `usize::MAX` is fine).
    let workers = limit.clamp(1, ids.len().max(1));

    // The to-do list, each job remembering its position in `ids`, and the finished jobs.
    // The locks are only held for a push or a pop, never across an `.await`.
    let todo: Mutex<Vec<(usize, u64)>> = Mutex::new(ids.iter().copied().enumerate().collect());
    let done: Mutex<Vec<(usize, Result<Photo, reqwest::Error>)>> =
        Mutex::new(Vec::with_capacity(ids.len()));

    let todo = &todo;
    let done = &done;
    let worker = move || async move {
        loop {
            // Take the next job off the list; none left means this worker is finished.
            let job = todo.lock().unwrap_or_else(PoisonError::into_inner).pop();
            let Some((position, id)) = job else {
                break;
            };
            let photo = lesson_05::fetch_photo(client, base_url, id).await;
            done.lock()
                .unwrap_or_else(PoisonError::into_inner)
                .push((position, photo));
        }
    };

    // All workers run in this task; each starts its next request as soon as its last one ends.
    futures::future::join_all((0..workers).map(|_| worker())).await;

    let mut done = std::mem::take(&mut *done.lock().unwrap_or_else(PoisonError::into_inner));
    done.sort_by_key(|&(position, _)| position);
    done.into_iter().map(|(_, photo)| photo).collect()
}
