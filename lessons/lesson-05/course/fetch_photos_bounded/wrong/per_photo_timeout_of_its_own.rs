//! Wrong: breaks "A slow answer is still a photo: no timeout of your own": each request gets `.timeout(10 s)`, so a photo whose answer takes longer than 10 s becomes an `Err` (only visible with a delay above 10 s).
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

use std::time::Duration;

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
    // A bound on the count is no bound on the time (the lesson's pitfall): give each photo
    // 10 seconds, so one silent server cannot hold a slot for the client's full 30 s.
    const PER_PHOTO: Duration = Duration::from_secs(10);
    let mut numbered: Vec<(usize, Result<Photo, reqwest::Error>)> =
        stream::iter(ids.iter().enumerate())
            .map(|(position, &id)| async move {
                let photo = async {
                    client
                        .get(format!("{base_url}/photos/{id}"))
                        .timeout(PER_PHOTO)
                        .send()
                        .await?
                        .error_for_status()?
                        .json::<Photo>()
                        .await
                }
                .await;
                (position, photo)
            })
            .buffer_unordered(limit.max(1))
            .collect()
            .await;
    numbered.sort_by_key(|&(position, _)| position);
    numbered.into_iter().map(|(_, photo)| photo).collect()
}
