//! Wrong: breaks "no fewer while ids are still waiting": when the next id is already in flight, it waits for that twin's answer before sending it again (still in the order of ids, still one request per entry), so as not to make the server do the same work twice at once, and while it waits the other slots of the window stay empty.
//!
//! Every id is still fetched once per entry, every result lands in its own position, the start
//! order is the order of `ids`, and without repeats it is an ordinary sliding window. With a
//! repeat whose twin is slow, the window drains down to that one request: with `limit` 5 and
//! ids `[1, 2, 1, 3, 4, 5, 6]` where photo 1 takes a second, photos 3 to 6 wait that second
//! although four slots are free. At `limit` 1 no twin is ever in flight, so an order check at
//! `limit` 1 sees nothing; a check that counts the overlap of requests with distinct ids sees
//! `limit`.

use std::collections::HashSet;

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
    let limit = limit.max(1);
    let fetch = |position: usize, id: u64| async move {
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
        (position, id, photo)
    };

    let mut running = FuturesUnordered::new();
    let mut photos_in_flight: HashSet<u64> = HashSet::new();
    let mut numbered: Vec<(usize, Result<Photo, reqwest::Error>)> = Vec::with_capacity(ids.len());

    for (position, &id) in ids.iter().enumerate() {
        // Wait for a free slot, and for the same photo's request if one is already on its way:
        // its answer will do for the server's cache, and two identical GETs at once are waste.
        while running.len() >= limit || photos_in_flight.contains(&id) {
            match running.next().await {
                Some((done_position, done_id, photo)) => {
                    photos_in_flight.remove(&done_id);
                    numbered.push((done_position, photo));
                }
                None => break,
            }
        }
        photos_in_flight.insert(id);
        running.push(fetch(position, id));
    }
    while let Some((position, _, photo)) = running.next().await {
        numbered.push((position, photo));
    }

    numbered.sort_by_key(|&(position, _)| position);
    numbered.into_iter().map(|(_, photo)| photo).collect()
}
