//! Wrong: breaks "one GET … per entry of `ids`, all sent through `client`": carrying over aiohttp's `TCPConnector(limit=…)` habit, it builds its own `Client` with `pool_max_idle_per_host(limit)` ("the connection pool should match the window") and sends everything through it, falling back to `client` only if the build fails, so the caller's client, with its User-Agent, timeouts, default headers and pooled connections, is never used; window, order, repeats and errors are the reference's.

use futures::StreamExt;
use lesson_support::models::Photo;
use reqwest::Client;

/// Fetches the photos with the given ids, at most `limit` requests at a time; one result per
/// id, in the order of `ids`.
pub async fn fetch_photos_bounded(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    limit: usize,
) -> Vec<Result<Photo, reqwest::Error>> {
    let limit = limit.max(1);
    // A pool sized to the window: no idle connections beyond what `limit` requests can use.
    let pooled = Client::builder()
        .pool_max_idle_per_host(limit)
        .build()
        .unwrap_or_else(|_| client.clone());
    let pooled = &pooled;
    let base_url = base_url.trim_end_matches('/');

    let mut results: Vec<(usize, Result<Photo, reqwest::Error>)> =
        futures::stream::iter(ids.iter().enumerate())
            .map(|(position, &id)| async move {
                let result = async {
                    pooled
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
            .buffer_unordered(limit)
            .collect()
            .await;
    results.sort_by_key(|(position, _)| *position);
    results.into_iter().map(|(_, result)| result).collect()
}
