//! Wrong: breaks "a `limit` above the number of ids starts them all, however large": carrying over aiohttp's default `TCPConnector(limit=100)` as a sane ceiling, it clamps the window to `limit.clamp(1, 100)` (which also keeps `usize::MAX` from meaning thousands of sockets), so with 150 ids and a `limit` of 200 (or `usize::MAX`) only 100 start at once; every limit up to 100, limit 0, order, repeats and errors are right.

use futures::StreamExt;
use lesson_support::models::Photo;
use reqwest::Client;

/// aiohttp's default connection limit: more than this at once only queues in the pool anyway.
const MAX_IN_FLIGHT: usize = 100;

/// Fetches the photos with the given ids, at most `limit` requests at a time; one result per
/// id, in the order of `ids`.
pub async fn fetch_photos_bounded(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    limit: usize,
) -> Vec<Result<Photo, reqwest::Error>> {
    let mut results: Vec<(usize, Result<Photo, reqwest::Error>)> =
        futures::stream::iter(ids.iter().enumerate())
            .map(|(position, id)| async move {
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
                (position, result)
            })
            .buffer_unordered(limit.clamp(1, MAX_IN_FLIGHT))
            .collect()
            .await;
    results.sort_by_key(|(position, _)| *position);
    results.into_iter().map(|(_, result)| result).collect()
}
