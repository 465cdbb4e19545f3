//! Wrong: breaks "at most `limit` requests in flight at any moment": translating aiohttp's `async with sem:` into a local `tokio::sync::Semaphore` (of `limit.clamp(1, Semaphore::MAX_PERMITS)`, so 0 and `usize::MAX` are handled), it takes the slot with `let _ = permits.acquire().await;`, and `_` is not a binding: the permit is dropped on that same line, so each request takes a slot and hands it straight back and all of `ids` are sent at once; order (via `join_all`), repeats, errors, empty ids and edge limits are right, and whenever `limit` is at least the number of ids it is exactly right.

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
    // One semaphore for the whole call, like `asyncio.Semaphore(limit)`. A zero limit would let
    // nothing through, and `Semaphore::new` panics above `MAX_PERMITS`.
    let permits = Semaphore::new(limit.clamp(1, Semaphore::MAX_PERMITS));
    let permits = &permits;

    // `join_all` polls every future together and hands the outputs back in the order of `ids`.
    join_all(ids.iter().map(|&id| async move {
        // `async with sem:` — wait for a free slot before sending. The semaphore is never
        // closed, so the acquire cannot fail.
        let _ = permits.acquire().await;
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
