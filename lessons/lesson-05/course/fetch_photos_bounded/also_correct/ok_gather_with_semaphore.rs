//! Correct, written another way: the Python shape, one future per id that first takes a permit of a shared (fair, FIFO) `tokio::sync::Semaphore` and keeps it until the body is read, all awaited with `join_all`, which returns the results in the order of `ids` by itself; the permits are clamped to 1..=ids.len() so neither 0 nor `usize::MAX` is a problem.

use futures::future::join_all;
use lesson_support::models::Photo;
use reqwest::Client;
use tokio::sync::Semaphore;

/// Fetches the photos with the given ids, at most `limit` requests at a time; one result per
/// id, in the order of `ids`.
pub async fn fetch_photos_bounded(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    limit: usize,
) -> Vec<Result<Photo, reqwest::Error>> {
    // `limit` seats. 0 is taken as 1, and more seats than ids change nothing (and keep us
    // under `Semaphore::MAX_PERMITS` when `limit` is `usize::MAX`).
    let seats = Semaphore::new(limit.clamp(1, ids.len().max(1)));
    let seats = &seats;

    // Like `async with sem:` inside each coroutine and one `gather`: every future waits for a
    // seat, and tokio's semaphore hands seats out in the order they were asked for, which is
    // the order of `ids` (join_all polls its futures in order). The seat is held until the
    // photo's body has been read, and given back when `_seat` goes out of scope.
    let requests = ids.iter().map(|&id| async move {
        let _seat = seats.acquire().await;
        lesson_05::fetch_photo(client, base_url, id).await
    });

    // `join_all` keeps the order of its input, whatever order the answers come in.
    join_all(requests).await
}
