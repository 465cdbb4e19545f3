//! Wrong: breaks "a `limit` of 0 is taken as 1 (not as "no limit", as aiohttp's `TCPConnector(limit=0)` takes it)": it passes `limit` straight to `for_each_concurrent`, which ignores a limit of 0, so `limit` 0 sends every request at once (no hang, results complete and in order).
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

use std::sync::{Mutex, PoisonError};

use futures::stream::{self, StreamExt};
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
    // One slot per entry of `ids`, filled in as the answers arrive: the position, not the id,
    // says where each result goes, so a repeated id gets two slots.
    let slots: Mutex<Vec<Option<Result<Photo, reqwest::Error>>>> =
        Mutex::new(ids.iter().map(|_| None).collect());
    // `for_each_concurrent(limit, ..)` runs at most `limit` of the futures at once and starts
    // the next one as soon as any finishes: a sliding window, like `buffer_unordered`.
    stream::iter(ids.iter().enumerate())
        .for_each_concurrent(limit, |(position, &id)| {
            let slots = &slots;
            async move {
                let photo = lesson_05::fetch_photo(client, base_url, id).await;
                slots.lock().unwrap_or_else(PoisonError::into_inner)[position] = Some(photo);
            }
        })
        .await;
    // Every slot has been filled by now: `flatten` unwraps the `Some`s in order.
    slots
        .into_inner()
        .unwrap_or_else(PoisonError::into_inner)
        .into_iter()
        .flatten()
        .collect()
}
