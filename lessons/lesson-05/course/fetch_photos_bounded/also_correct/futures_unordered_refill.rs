//! Right: a hand-rolled window instead of `buffer_unordered`: the first `limit.max(1)` requests go into a `FuturesUnordered`, and each time one finishes its result is stored at its position in a `Vec<Option<…>>` and exactly one more id is pushed in its place.

use futures::StreamExt;
use futures::stream::FuturesUnordered;
use lesson_support::models::Photo;
use reqwest::Client;

/// One request, tagged with where its id stood in `ids`.
async fn fetch_at(
    client: &Client,
    base_url: &str,
    position: usize,
    id: u64,
) -> (usize, Result<Photo, reqwest::Error>) {
    let result = async {
        let response = client.get(format!("{base_url}/photos/{id}")).send().await?;
        response.error_for_status()?.json::<Photo>().await
    }
    .await;
    (position, result)
}

/// Fetches the photos with the given ids, at most `limit` requests at a time; one result per
/// id, in the order of `ids`.
pub async fn fetch_photos_bounded(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    limit: usize,
) -> Vec<Result<Photo, reqwest::Error>> {
    let mut waiting = ids.iter().copied().enumerate();
    let mut slots: Vec<Option<Result<Photo, reqwest::Error>>> = ids.iter().map(|_| None).collect();
    let mut in_flight = FuturesUnordered::new();

    // Fill the window…
    for (position, id) in waiting.by_ref().take(limit.max(1)) {
        in_flight.push(fetch_at(client, base_url, position, id));
    }
    // …and refill one slot each time a request finishes, whichever it is.
    while let Some((position, result)) = in_flight.next().await {
        slots[position] = Some(result);
        if let Some((position, id)) = waiting.next() {
            in_flight.push(fetch_at(client, base_url, position, id));
        }
    }
    slots
        .into_iter()
        .map(|slot| slot.expect("every id was fetched"))
        .collect()
}
