//! Wrong: breaks "no ids give no results and no requests: never a panic, never a hang": on the semaphore road it sizes the semaphore with `limit.clamp(1, ids.len())` (0 taken as 1, and never more permits than ids, so `usize::MAX` is fine), but `clamp` panics when its minimum is above its maximum: with no ids, `clamp(1, 0)` panics
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
    // 0 would never let a task start, and more permits than ids change nothing (and
    // `Semaphore::new` panics above `MAX_PERMITS`): keep the limit between 1 and the number of ids.
    let permits = Arc::new(Semaphore::new(limit.clamp(1, ids.len())));
    let base_url: Arc<str> = Arc::from(base_url);
    let mut tasks = JoinSet::new();

    for (position, &id) in ids.iter().enumerate() {
        // Wait for a free seat before spawning, so the requests start in the order of `ids`.
        let permit = Arc::clone(&permits)
            .acquire_owned()
            .await
            .expect("the semaphore is never closed");
        let client = client.clone();
        let base_url = Arc::clone(&base_url);
        tasks.spawn(async move {
            let photo = lesson_05::fetch_photo(&client, &base_url, id).await;
            // The seat is given back only once the body has been read.
            drop(permit);
            (position, photo)
        });
    }

    let mut numbered = Vec::with_capacity(ids.len());
    while let Some(joined) = tasks.join_next().await {
        match joined {
            Ok(pair) => numbered.push(pair),
            // Only a panicking task ends without its pair: pass the panic on.
            Err(err) => std::panic::resume_unwind(err.into_panic()),
        }
    }
    numbered.sort_by_key(|&(position, _)| position);
    numbered.into_iter().map(|(_, photo)| photo).collect()
}
