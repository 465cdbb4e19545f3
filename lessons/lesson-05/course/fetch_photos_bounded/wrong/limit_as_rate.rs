//! Wrong: breaks "at most `limit` requests in flight at any moment …, and no fewer while ids are still waiting" (wrong units): reading "at most `limit` at a time" as aiolimiter's `AsyncLimiter(limit, 1)`, it starts at most `limit` requests *a second*, one every `1 s / limit` on a fixed schedule, and lets them all run with `join_all`; nothing blocks, order, repeats, errors, limit 0, huge limits and empty ids are right, but answers faster than `1 s / limit` leave most slots idle, and answers slower than a second pile up far more than `limit` in flight.

use std::time::Duration;

use futures::future::join_all;
use lesson_support::models::Photo;
use reqwest::Client;
use tokio::time::{Instant, sleep_until};

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
    // `limit` requests a second, evenly spread: 0 is taken as 1, and past a million a second
    // the spacing is too small to matter (it also keeps the `u32` in range).
    let rate = u32::try_from(limit.clamp(1, 1_000_000)).unwrap_or(1_000_000);
    let spacing = Duration::from_secs(1) / rate;
    let start = Instant::now();
    // Each request waits, by awaiting, for its own start time; `join_all` keeps the order of
    // `ids`.
    join_all(ids.iter().enumerate().map(|(position, &id)| async move {
        let offset = spacing.saturating_mul(u32::try_from(position).unwrap_or(u32::MAX));
        sleep_until(start + offset).await;
        fetch_one(client, base_url, id).await
    }))
    .await
}
