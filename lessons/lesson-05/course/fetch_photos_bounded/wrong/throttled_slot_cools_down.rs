//! Wrong: breaks "a 429 or a 503 is reported in its place, not waited out: no pause before the next request" (and "no fewer [than `limit` in flight] while ids are still waiting"): like `if resp.status in (429, 503): await asyncio.sleep(retry_after)` inside `async with sem:`, a request answered 429 or 503 honours the server's `Retry-After` (500 ms when there is none, at most 2 s) with an awaited sleep *inside its slot* before reporting its `Err`, so that slot stays empty while ids wait; nothing blocks the thread, nothing is retried, the loop never pauses, the other slots keep going, and the `Err` carries its status in its place.

use std::time::Duration;

use futures::StreamExt;
use futures::stream;
use lesson_support::models::Photo;
use reqwest::header::RETRY_AFTER;
use reqwest::{Client, Response, StatusCode};

/// How long the server asked us to hold off, in whole seconds, with a short default and a cap
/// so that a misbehaving server cannot stall a slot for minutes.
fn cool_down(response: &Response) -> Duration {
    response
        .headers()
        .get(RETRY_AFTER)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.trim().parse::<u64>().ok())
        .map(Duration::from_secs)
        .unwrap_or(Duration::from_millis(500))
        .min(Duration::from_secs(2))
}

async fn fetch_photo(client: &Client, base_url: &str, id: u64) -> Result<Photo, reqwest::Error> {
    let response = client.get(format!("{base_url}/photos/{id}")).send().await?;
    let status = response.status();
    if status == StatusCode::TOO_MANY_REQUESTS || status == StatusCode::SERVICE_UNAVAILABLE {
        // The server says "slow down": report the error, but only once this slot has given it
        // the pause it asked for, so the next request from this slot does not land straight
        // back on a throttled server. No retry: the error is the answer.
        let wait = cool_down(&response);
        let error = response.error_for_status();
        tokio::time::sleep(wait).await;
        return error?.json::<Photo>().await;
    }
    response.error_for_status()?.json::<Photo>().await
}

/// Fetches the photos with the given ids, at most `limit` requests at a time; one result per
/// id, in the order of `ids`.
pub async fn fetch_photos_bounded(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    limit: usize,
) -> Vec<Result<Photo, reqwest::Error>> {
    let mut fetched: Vec<(usize, Result<Photo, reqwest::Error>)> =
        stream::iter(ids.iter().copied().enumerate())
            .map(
                |(position, id)| async move { (position, fetch_photo(client, base_url, id).await) },
            )
            .buffer_unordered(limit.max(1))
            .collect()
            .await;
    fetched.sort_by_key(|&(position, _)| position);
    fetched.into_iter().map(|(_, result)| result).collect()
}
