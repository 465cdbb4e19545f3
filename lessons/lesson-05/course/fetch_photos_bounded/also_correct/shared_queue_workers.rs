//! Correct, written another way: a pool of `limit` workers (no more than there are ids) under
//! one `join_all`, all taking the next numbered id from one shared iterator behind a
//! `std::sync::Mutex` (locked for one statement, never across an `.await`), each worker
//! taking the next id the moment its request is done; results put back by their number.

use std::sync::{Mutex, PoisonError};

use futures::future::join_all;
use lesson_support::models::Photo;
use reqwest::Client;

/// `GET {base_url}/photos/{id}` as a typed photo, an error status being an error.
async fn fetch_photo(client: &Client, base_url: &str, id: u64) -> Result<Photo, reqwest::Error> {
    client
        .get(format!("{base_url}/photos/{id}"))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await
}

/// Fetches the photos with the given ids, at most `limit` requests at a time; one result per
/// id, in the order of `ids`.
pub async fn fetch_photos_bounded(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    limit: usize,
) -> Vec<Result<Photo, reqwest::Error>> {
    // The ids still to hand out, with their places. Every worker runs in this one task, so the
    // lock is never contended: it only makes the shared iterator usable from several futures.
    let queue = Mutex::new(ids.iter().copied().enumerate());
    let queue = &queue;
    // One worker per slot: a `limit` of 0 is one worker, more workers than ids would idle.
    let workers = limit.max(1).min(ids.len());

    let per_worker = join_all((0..workers).map(|_| async move {
        let mut done = Vec::new();
        loop {
            // The guard is a temporary of this statement: released before the request starts.
            let next = queue.lock().unwrap_or_else(PoisonError::into_inner).next();
            let Some((position, id)) = next else { break };
            done.push((position, fetch_photo(client, base_url, id).await));
        }
        done
    }))
    .await;

    let mut numbered: Vec<(usize, Result<Photo, reqwest::Error>)> =
        per_worker.into_iter().flatten().collect();
    numbered.sort_by_key(|&(position, _)| position);
    numbered.into_iter().map(|(_, photo)| photo).collect()
}
