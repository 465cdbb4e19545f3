//! Correct: detached `tokio::spawn` tasks, each holding an owned permit until its result is in its slot, and the end awaited Go-style by acquiring every permit at once (`acquire_many`): holding them all means every task is done; limit clamped to 1..=ids (and to `u32`, for `acquire_many`); every clause holds.
//!
//! Exercise 10: fetch many photos, at most `limit` at a time.
//!
//! `fetch_photos_bounded` gets the photo for every id in `ids` over the client it is given, with
//! several requests in flight at once, but never more than `limit`.
//!
//! The contract, which `cargo test -p lesson-05` checks:
//! - one GET `{base_url}/photos/{id}` per entry of `ids`, all sent through `client`, on every
//!   call (nothing is kept from one call to the next). `base_url` may end in a path
//!   (`http://host/api/v1`), which the URL keeps. An id that appears twice is fetched twice and
//!   has two results; a request that fails is not sent again;
//! - at most `limit` requests in flight at any moment (from sending a request to reading the
//!   end of its answer), and no fewer while ids are still waiting: a new request starts as soon
//!   as any one finishes, not when a whole batch has, nor when every request before it has,
//!   whatever the answers are (a 429 or a 503 is reported in its place, not waited out: no
//!   pause before the next request);
//! - one entry per id, in the order of `ids` (not the order the answers arrive in): `Ok(photo)`
//!   for a photo that arrived, `Err(error)` for one that did not: an error status of any class
//!   (400, 404, 429, 500, 503…, the error carrying that status), a body that is not a photo, a
//!   connection that failed. A slow answer is still a photo: no timeout of your own. One failure
//!   must not lose the other photos;
//! - a `limit` of 0 is taken as 1 (not as "no limit", as aiohttp's `TCPConnector(limit=0)`
//!   takes it), a `limit` above the number of ids starts them all, however large (`usize::MAX`
//!   too, as "no real limit": `Semaphore::new` panics above `Semaphore::MAX_PERMITS`), and no
//!   ids give no results and no requests: never a panic, never a hang;
//! - it waits only by awaiting: nothing that blocks the thread (`std::thread::sleep`,
//!   `reqwest::blocking`), which would stall every request in flight.

use std::sync::{Arc, Mutex, PoisonError};

use lesson_support::models::Photo;
use reqwest::Client;
use tokio::sync::Semaphore;

type Slots = Arc<Mutex<Vec<Option<Result<Photo, reqwest::Error>>>>>;

/// Fetches the photos with the given ids, at most `limit` requests at a time; one result per
/// id, in the order of `ids`.
pub async fn fetch_photos_bounded(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    limit: usize,
) -> Vec<Result<Photo, reqwest::Error>> {
    // More permits than ids change nothing; 0 would start nothing. `acquire_many` counts in
    // `u32`, so the number must fit there too (it does for any list of ids that fits in memory).
    let permits = limit.clamp(1, ids.len().max(1)).min(u32::MAX as usize);
    let semaphore = Arc::new(Semaphore::new(permits));
    let slots: Slots = Arc::new(Mutex::new((0..ids.len()).map(|_| None).collect()));
    let base_url: Arc<str> = Arc::from(base_url);

    for (position, &id) in ids.iter().enumerate() {
        // A free slot first, then the task: at most `permits` tasks are ever running.
        let permit = Arc::clone(&semaphore)
            .acquire_owned()
            .await
            .expect("the semaphore is never closed");
        let client = client.clone();
        let base_url = Arc::clone(&base_url);
        let slots = Arc::clone(&slots);
        tokio::spawn(async move {
            let photo = async {
                client
                    .get(format!("{base_url}/photos/{id}"))
                    .send()
                    .await?
                    .error_for_status()?
                    .json::<Photo>()
                    .await
            }
            .await;
            slots.lock().unwrap_or_else(PoisonError::into_inner)[position] = Some(photo);
            // Only now, with the result stored, does the slot go back.
            drop(permit);
        });
    }

    // Every task holds a permit until its result is stored: once all the permits are ours,
    // every task has finished.
    let all = u32::try_from(permits).expect("clamped to u32 above");
    let _every_task_done = semaphore
        .acquire_many(all)
        .await
        .expect("the semaphore is never closed");
    let mut slots = slots.lock().unwrap_or_else(PoisonError::into_inner);
    slots
        .drain(..)
        .map(|slot| slot.expect("every task stored its result before giving its permit back"))
        .collect()
}
