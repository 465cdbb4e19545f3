//! Wrong: breaks "at most `limit` requests in flight at any moment": translating asyncio's `await sem.acquire()` … `finally: sem.release()`, it holds a `tokio::sync::Semaphore` permit for the whole request and also calls `add_permits(1)` when the request ends, as `sem.release()`, so every finished request gives its slot back twice and the semaphore grows by one permit per answer; the first `limit` requests are bounded, then more and more run at once; order, repeats, errors, limit 0, huge limits and empty ids are right.

use futures::future::join_all;
use lesson_support::models::Photo;
use reqwest::Client;
use tokio::sync::Semaphore;

async fn fetch_one(client: &Client, base_url: &str, id: u64) -> Result<Photo, reqwest::Error> {
    client
        .get(format!("{base_url}/photos/{id}"))
        .send()
        .await?
        .error_for_status()?
        .json::<Photo>()
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
    // 0 means 1, and more permits than ids change nothing (the chapter's clamp).
    let semaphore = Semaphore::new(limit.clamp(1, ids.len().max(1)));
    let semaphore = &semaphore;
    let requests = ids.iter().map(|&id| async move {
        // `await sem.acquire()`: wait for a free slot, and hold it while the request runs.
        let _permit = semaphore
            .acquire()
            .await
            .expect("the semaphore is never closed");
        let result = fetch_one(client, base_url, id).await;
        // `finally: sem.release()`: the slot is free for the next request.
        semaphore.add_permits(1);
        result
    });
    // `gather`: every result, in the order of `ids`.
    join_all(requests).await
}
