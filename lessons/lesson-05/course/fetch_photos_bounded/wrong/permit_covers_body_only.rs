//! Wrong: breaks "at most `limit` requests in flight at any moment (from sending a request to reading the end of its answer)": reasoning that the head of an answer is a few bytes and the body is the download worth bounding, it sends every request at once and takes a permit of a shared `Semaphore` (of `limit.clamp(1, Semaphore::MAX_PERMITS)`) only after `send()`, around the body read, so the server has all of `ids` in flight together (the mirror image of a permit that covers only `send()`); at most `limit` bodies are read at a time, and order (via `join_all`), repeats, errors, limit 0, `usize::MAX` and empty ids are right.

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
    let downloads = Semaphore::new(limit.clamp(1, Semaphore::MAX_PERMITS));
    let downloads = &downloads;

    join_all(ids.iter().map(|&id| async move {
        // Sending is cheap: a request line and a few headers, and the answer's head is back in
        // one round trip. Errors need no body at all.
        let response = client
            .get(format!("{base_url}/photos/{id}"))
            .send()
            .await?
            .error_for_status()?;
        // The body is the real download: at most `limit` of those at once, and the permit is
        // held until the last byte is read.
        let _download = downloads.acquire().await;
        response.json::<Photo>().await
    }))
    .await
}
