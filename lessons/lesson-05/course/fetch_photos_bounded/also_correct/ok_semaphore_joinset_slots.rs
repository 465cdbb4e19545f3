//! Correct, written another way: one shared `Arc<Semaphore>` (limit clamped to 1..=ids.len(), empty ids returned at once), a permit acquired before each `JoinSet::spawn` and held until the body is read, and results written into one slot per position as the tasks finish.
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
//!   end of its answer), and no fewer while ids are still waiting: the requests start in the
//!   order of `ids`, each next one as soon as any request finishes, not when a whole batch
//!   has, nor when every request before it has,
//!   whatever the answers are (a 429 or a 503 is reported in its place, not waited out: no
//!   pause before the next request);
//! - one entry per id, in the order of `ids` (not the order the answers arrive in): `Ok(photo)`
//!   for a photo that arrived, `Err(error)` for one that did not: an error status of any class
//!   (400, 404, 429, 500, 503…, the error carrying that status), a body that is not a photo, a
//!   connection that failed, a `base_url` that is no URL (`127.0.0.1:3000`: no scheme, and none added by you). A slow answer is still a photo: no timeout of your own. One failure
//!   must not lose the other photos;
//! - a `limit` of 0 is taken as 1 (not as "no limit", as aiohttp's `TCPConnector(limit=0)`
//!   takes it), a `limit` above the number of ids starts them all, however large (`usize::MAX`
//!   too, as "no real limit": `Semaphore::new` panics above `Semaphore::MAX_PERMITS`), and no
//!   ids give no results and no requests: never a panic, never a hang;
//! - it waits only by awaiting: nothing that blocks the thread (`std::thread::sleep`,
//!   `reqwest::blocking`), which would stall every request in flight.

use std::sync::Arc;

use lesson_support::models::Photo;
use reqwest::Client;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;

/// Fetches the photos with the given ids, at most `limit` requests at a time; one result per
/// id, in the order of `ids`.
pub async fn fetch_photos_bounded(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    limit: usize,
) -> Vec<Result<Photo, reqwest::Error>> {
    if ids.is_empty() {
        return Vec::new();
    }
    // One shared semaphore with `limit` permits, brought within 1..=ids.len(): 0 would never
    // let a request start, and `Semaphore::new` panics above `MAX_PERMITS` (`usize::MAX`).
    let permits = Arc::new(Semaphore::new(limit.clamp(1, ids.len())));
    let base_url: Arc<str> = Arc::from(base_url);
    let mut tasks = JoinSet::new();
    for (position, &id) in ids.iter().enumerate() {
        // Wait for a free permit before spawning, so the requests start in the order of `ids`
        // and the next one starts as soon as any request gives its permit back.
        let permit = Arc::clone(&permits)
            .acquire_owned()
            .await
            .expect("the semaphore is never closed");
        let client = client.clone();
        let base_url = Arc::clone(&base_url);
        tasks.spawn(async move {
            // The permit is held until the whole answer, body included, has been read.
            let photo = lesson_05::fetch_photo(&client, &base_url, id).await;
            drop(permit);
            (position, photo)
        });
    }
    // The tasks finish in any order; each result goes back to the slot of its position.
    let mut slots: Vec<Option<Result<Photo, reqwest::Error>>> = ids.iter().map(|_| None).collect();
    while let Some(joined) = tasks.join_next().await {
        let (position, photo) =
            joined.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()));
        slots[position] = Some(photo);
    }
    slots.into_iter().flatten().collect()
}
