//! Wrong: breaks "at most `limit` requests in flight at any moment ... and no fewer while ids are still waiting": each request stores its answer with `results.lock().await.push((position, fetch(..).await))`, and a method call's receiver is evaluated before its argument, so the lock is taken before the request is sent and held until it ends: the requests run one at a time whatever `limit` is; which requests are sent, the order of results, errors, repeated ids, 0, huge limits and no ids are all right.

use futures::stream::{self, StreamExt};
use lesson_support::models::Photo;
use reqwest::Client;
use tokio::sync::Mutex;

/// Fetches the photos with the given ids, at most `limit` requests at a time; one result per
/// id, in the order of `ids`.
pub async fn fetch_photos_bounded(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    limit: usize,
) -> Vec<Result<Photo, reqwest::Error>> {
    // Answers arrive in any order: keep each one with its position in `ids`. A tokio Mutex,
    // because it is used from async code.
    let results: Mutex<Vec<(usize, Result<Photo, reqwest::Error>)>> =
        Mutex::new(Vec::with_capacity(ids.len()));

    stream::iter(ids.iter().copied().enumerate())
        // At most `limit` of these at once (0 taken as 1).
        .for_each_concurrent(limit.max(1), |(position, id)| {
            let results = &results;
            async move {
                results
                    .lock()
                    .await
                    .push((position, lesson_05::fetch_photo(client, base_url, id).await));
            }
        })
        .await;

    let mut results = results.into_inner();
    results.sort_by_key(|&(position, _)| position);
    results.into_iter().map(|(_, photo)| photo).collect()
}
