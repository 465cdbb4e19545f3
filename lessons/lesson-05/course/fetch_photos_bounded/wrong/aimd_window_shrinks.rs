//! Wrong: breaks "no fewer [than `limit` in flight] while ids are still waiting … whatever the answers are (a 429 or a 503 is reported in its place, not waited out)": a hand-rolled window does TCP-style adaptive concurrency (AIMD), halving its size each time an answer is 429 or 503 and growing it back by one per other answer, up to `limit`; it never pauses, never retries and reports every 429/503 in its place, and with no throttled answer it is exactly the reference, but after a 429 or 503 it keeps fewer than `limit` requests going while ids wait.

use futures::stream::{FuturesUnordered, StreamExt};
use lesson_support::models::Photo;
use reqwest::Client;

async fn fetch_one(client: &Client, base_url: &str, id: u64) -> Result<Photo, reqwest::Error> {
    client
        .get(format!("{base_url}/photos/{id}"))
        .send()
        .await?
        .error_for_status()?
        .json::<Photo>()
        .await
}

/// Whether the server asked us to slow down: 429 Too Many Requests or 503 Service Unavailable.
fn throttled(result: &Result<Photo, reqwest::Error>) -> bool {
    let status = result.as_ref().err().and_then(reqwest::Error::status);
    matches!(status.map(|status| status.as_u16()), Some(429 | 503))
}

/// Fetches the photos with the given ids, at most `limit` requests at a time; one result per
/// id, in the order of `ids`.
pub async fn fetch_photos_bounded(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    limit: usize,
) -> Vec<Result<Photo, reqwest::Error>> {
    let ceiling = limit.max(1);
    // The window starts at the caller's limit and never goes above it.
    let mut window = ceiling;
    let mut waiting = ids.iter().copied().enumerate();
    let mut in_flight = FuturesUnordered::new();
    let mut slots: Vec<Option<Result<Photo, reqwest::Error>>> =
        (0..ids.len()).map(|_| None).collect();

    loop {
        while in_flight.len() < window {
            let Some((position, id)) = waiting.next() else {
                break;
            };
            in_flight.push(async move { (position, fetch_one(client, base_url, id).await) });
        }
        let Some((position, result)) = in_flight.next().await else {
            break;
        };
        // Additive increase, multiplicative decrease: back off in width, not in time, so the
        // 429 is still reported at once and nothing sleeps.
        window = if throttled(&result) {
            (window / 2).max(1)
        } else {
            window.saturating_add(1).min(ceiling)
        };
        slots[position] = Some(result);
    }

    slots
        .into_iter()
        .map(|slot| slot.expect("every id was fetched"))
        .collect()
}
