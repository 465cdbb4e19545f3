//! Wrong: breaks "nothing is kept from one call to the next" (and with it "at most `limit` …, and no fewer"): like a module-level `SEM = asyncio.Semaphore(n)` in Python, the limiter is a process-wide `static` semaphore built on the first call ("so that two calls running together cannot double the load on the server"), so every later call runs with the first call's `limit`, and calls running at the same time share its permits; the first call alone is exactly right (order via `join_all`, permit held until the body is read, repeats, errors, 0, `usize::MAX`, no ids).

use std::sync::OnceLock;

use futures::future::join_all;
use lesson_support::models::Photo;
use reqwest::Client;
use tokio::sync::Semaphore;

/// One limiter for the whole program: every call takes its permits from here.
static LIMITER: OnceLock<Semaphore> = OnceLock::new();

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
    // 0 means 1; `usize::MAX` ("no real limit") is brought within what a semaphore can hold.
    let limiter: &'static Semaphore =
        LIMITER.get_or_init(|| Semaphore::new(limit.clamp(1, Semaphore::MAX_PERMITS)));
    let requests = ids.iter().map(|&id| async move {
        // Held until the body is read: the request is in flight until then.
        let _permit = limiter
            .acquire()
            .await
            .expect("the limiter is never closed");
        fetch_one(client, base_url, id).await
    });
    join_all(requests).await
}
