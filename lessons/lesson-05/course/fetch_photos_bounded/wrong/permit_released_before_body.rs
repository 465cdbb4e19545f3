//! Wrong: breaks "at most `limit` requests in flight at any moment (from sending a request to reading the end of its answer)": a shared `Semaphore` (aiohttp's `async with sem`) guards only `send()`, so the permit is given back as soon as the status and headers are in and the next request starts while the body is still being read; with slow bodies, far more than `limit` answers are open at once.

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
    let permits = Semaphore::new(limit.max(1));
    let permits = &permits;
    // Like `asyncio.gather` under a semaphore: `join_all` keeps the order of `ids`, the
    // semaphore keeps the requests to `limit`.
    let requests = ids.iter().map(|&id| async move {
        let response = {
            let _permit = permits
                .acquire()
                .await
                .expect("the semaphore is never closed");
            client.get(format!("{base_url}/photos/{id}")).send().await
        }; // the answer is here: free the slot for the next request
        response?.error_for_status()?.json::<Photo>().await
    });
    join_all(requests).await
}
