//! Wrong: breaks "a `limit` above the number of ids starts them all, however large (`usize::MAX` too, as "no real limit": `Semaphore::new` panics above `Semaphore::MAX_PERMITS`)" and "never a panic": only `usize::MAX` itself is taken as "no limit"; any other limit above `Semaphore::MAX_PERMITS` (`usize::MAX - 1`, `1 << 62`) goes to `Semaphore::new` and panics; limits 0 to `MAX_PERMITS` and `usize::MAX` work as the contract says (one shared semaphore held until the body is read, requests started in the order of `ids`, results in that order).

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
    // `usize::MAX` is the caller's "no real limit" (and too big for a semaphore): send them all.
    if limit == usize::MAX {
        return join_all(
            ids.iter()
                .map(|&id| lesson_05::fetch_photo(client, base_url, id)),
        )
        .await;
    }

    // Otherwise one permit per request in flight, as in Python's `asyncio.Semaphore` + `gather`:
    // `join_all` keeps the order of `ids`, and tokio's semaphore hands out permits first come,
    // first served, so the requests start in that order too. A limit of 0 is taken as 1.
    let permits = Semaphore::new(limit.max(1));
    let permits = &permits;
    join_all(ids.iter().map(|&id| async move {
        // Held until the photo is decoded: the body is part of the request.
        let _permit = permits
            .acquire()
            .await
            .expect("the semaphore is never closed");
        lesson_05::fetch_photo(client, base_url, id).await
    }))
    .await
}
