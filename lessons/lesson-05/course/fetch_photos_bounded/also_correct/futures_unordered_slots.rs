//! Correct, written another way: a hand-made sliding window: a `FuturesUnordered` filled with
//! the first `limit` requests, topped up by one each time one finishes, and one
//! `Option` slot per position of `ids` filled in as the answers arrive (no sort).

use futures::stream::{FuturesUnordered, StreamExt};
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
    // One request, from sending it to reading the end of its body, tagged with its position.
    let fetch = move |position: usize, id: u64| async move {
        let photo = async {
            client
                .get(format!("{base_url}/photos/{id}"))
                .send()
                .await?
                .error_for_status()?
                .json::<Photo>()
                .await
        }
        .await;
        (position, photo)
    };

    let mut waiting = ids.iter().copied().enumerate();
    let mut in_flight = FuturesUnordered::new();
    // The first window: `limit` of them (0 taken as 1; `take` stops at the end of the ids,
    // however large `limit` is).
    for (position, id) in waiting.by_ref().take(limit.max(1)) {
        in_flight.push(fetch(position, id));
    }

    let mut slots: Vec<Option<Result<Photo, reqwest::Error>>> = ids.iter().map(|_| None).collect();
    // An empty `FuturesUnordered` yields `None` at once: no ids, no requests, no hang.
    while let Some((position, photo)) = in_flight.next().await {
        slots[position] = Some(photo);
        // A slot just freed: the next id takes it before we wait again.
        if let Some((position, id)) = waiting.next() {
            in_flight.push(fetch(position, id));
        }
    }
    slots
        .into_iter()
        .map(|slot| slot.expect("every position was fetched"))
        .collect()
}
