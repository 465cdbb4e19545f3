//! Wrong: breaks "it waits only by awaiting: nothing that blocks the thread": each request is paced with `std::thread::sleep` (a Python developer's `time.sleep` for "don't hit the server in one burst"), which blocks the runtime thread for 10 ms every time a request starts and stalls every request already in flight; cap, order and errors are right.

use std::time::Duration;

use futures::stream::{self, StreamExt};
use lesson_support::models::Photo;
use reqwest::Client;

/// A small gap before each request, so that `limit` requests do not hit the server at once.
const PACE: Duration = Duration::from_millis(10);

async fn fetch_one(client: &Client, base_url: &str, id: u64) -> Result<Photo, reqwest::Error> {
    std::thread::sleep(PACE);
    client
        .get(format!("{base_url}/photos/{id}"))
        .send()
        .await?
        .error_for_status()?
        .json()
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
    let mut finished: Vec<(usize, Result<Photo, reqwest::Error>)> =
        stream::iter(ids.iter().copied().enumerate())
            .map(|(position, id)| async move { (position, fetch_one(client, base_url, id).await) })
            .buffer_unordered(limit.max(1))
            .collect()
            .await;
    finished.sort_by_key(|&(position, _)| position);
    finished.into_iter().map(|(_, result)| result).collect()
}
