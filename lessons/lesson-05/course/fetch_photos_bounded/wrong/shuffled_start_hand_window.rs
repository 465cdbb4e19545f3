//! Wrong: breaks "the requests start in the order of `ids`": it starts them in a random order (positions sorted by a `RandomState` hash) through a hand-rolled window, a `FuturesUnordered` topped up with the next position each time one finishes, and puts every result into its own slot of a `Vec<Option<..>>`, so the results are in the order of `ids`, the bound is kept and no slot waits; written as a correct variant by a reviewer, it made the contract say the order requests start in.

use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;

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
    // 0 is taken as 1; anything above the number of ids simply starts them all.
    let window = limit.max(1);

    // The positions of `ids`, shuffled: the server sees the requests in no particular order.
    let shuffle = RandomState::new();
    let mut order: Vec<usize> = (0..ids.len()).collect();
    order.sort_by_cached_key(|&position| shuffle.hash_one(position));
    let mut waiting = order.into_iter();

    // One request for the entry at `position`, answering with its position.
    let fetch = |position: usize| {
        let id = ids[position];
        async move {
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
        }
    };

    // One slot per entry of `ids`, filled as the answers arrive.
    let mut slots: Vec<Option<Result<Photo, reqwest::Error>>> =
        std::iter::repeat_with(|| None).take(ids.len()).collect();

    let mut in_flight = FuturesUnordered::new();
    for position in waiting.by_ref().take(window) {
        in_flight.push(fetch(position));
    }
    while let Some((position, photo)) = in_flight.next().await {
        slots[position] = Some(photo);
        // A seat came free: the next waiting entry takes it at once.
        if let Some(next) = waiting.next() {
            in_flight.push(fetch(next));
        }
    }

    // Every slot was filled exactly once.
    slots.into_iter().flatten().collect()
}
