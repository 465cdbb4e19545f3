//! Wrong: breaks "a `limit` above the number of ids starts them all … never a panic": it is the chapter's Way 2 (shared `Arc<Semaphore>`, `acquire_owned` before each spawn, permit dropped after the body, results put back by position), and `Semaphore::new(limit.max(1))` panics for any `limit` above `Semaphore::MAX_PERMITS` (`usize::MAX >> 3`), e.g. `usize::MAX` as "no real limit", even with no ids; every limit up to 2^61 is right (so is any answer with an unclamped `Semaphore::new(limit.max(1))`).

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
    // One semaphore for every request: `limit` permits (0 taken as 1).
    let permits = Arc::new(Semaphore::new(limit.max(1)));
    let base_url: Arc<str> = Arc::from(base_url);
    let mut tasks = JoinSet::new();

    for (position, &id) in ids.iter().enumerate() {
        let permit = Arc::clone(&permits)
            .acquire_owned()
            .await
            .expect("the semaphore is never closed");
        let client = client.clone();
        let base_url = Arc::clone(&base_url);
        tasks.spawn(async move {
            let result = async {
                client
                    .get(format!("{base_url}/photos/{id}"))
                    .send()
                    .await?
                    .error_for_status()?
                    .json::<Photo>()
                    .await
            }
            .await;
            // The whole answer is read: give the slot back.
            drop(permit);
            (position, result)
        });
    }

    let mut finished = Vec::with_capacity(ids.len());
    while let Some(joined) = tasks.join_next().await {
        finished.push(joined.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())));
    }
    finished.sort_by_key(|&(position, _)| position);
    finished.into_iter().map(|(_, result)| result).collect()
}
