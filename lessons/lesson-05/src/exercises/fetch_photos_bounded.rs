//! Exercise 6: fetch many photos, at most `limit` at a time.
//!
//! `fetch_photos_bounded` gets the photo for every id in `ids` over the client it is given, with
//! several requests in flight at once, but never more than `limit`.
//!
//! The contract, which `cargo test -p lesson-05` checks:
//! - one GET `{base_url}/photos/{id}` per id, all sent through `client`;
//! - exactly `limit` requests in flight while there are enough ids left: not more (that is no
//!   bound), not fewer (that wastes the bound): a new request starts as soon as any one
//!   finishes, not when a whole batch has, nor when every request before it has;
//! - one entry per id, in the order of `ids` (not the order the answers arrive in): `Ok(photo)`
//!   for a photo that arrived, `Err(error)` for one that did not, including an error status
//!   such as 404 or 500; one failure must not lose the other photos;
//! - a `limit` of 0 is taken as 1, and no ids give no results: never a panic, never a hang.

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
