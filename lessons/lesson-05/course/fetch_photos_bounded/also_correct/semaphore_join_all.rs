//! Right: no stream and no spawn: one future per id, each taking a permit from a local `tokio::sync::Semaphore` of `limit.clamp(1, Semaphore::MAX_PERMITS)` (fair, so ids start in order) and holding it until the body is read, all polled together by `futures::future::join_all`, which returns the results in the order of `ids` without any sorting.

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
    let permits = Semaphore::new(limit.clamp(1, Semaphore::MAX_PERMITS));
    let permits = &permits;
    join_all(ids.iter().map(|&id| async move {
        // The semaphore is never closed, so `acquire` cannot fail here.
        let _permit = permits.acquire().await;
        client
            .get(format!("{base_url}/photos/{id}"))
            .send()
            .await?
            .error_for_status()?
            .json::<Photo>()
            .await
    }))
    .await
}
