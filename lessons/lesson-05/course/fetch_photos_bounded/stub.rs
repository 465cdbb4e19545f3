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
//!   order of `ids` (as your code hands them out: tasks spawned together, a runtime with
//!   several threads may start in its own order), each next one as soon as any request
//!   finishes, not when a whole batch has, nor when every request before it has,
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
    // TODO: turn the ids into a stream of request futures, let at most `limit` of them run, and
    // return the results in the order of `ids`.
    // Delete the next line: it only keeps the compiler from warning about unused arguments.
    let _ = (client, base_url, ids, limit);
    todo!()
}
