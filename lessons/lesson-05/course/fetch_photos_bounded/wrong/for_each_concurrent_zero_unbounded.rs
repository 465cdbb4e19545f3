//! Wrong: breaks "a `limit` of 0 is taken as 1 (not as \"no limit\", as aiohttp's `TCPConnector(limit=0)` takes it)": it hands `limit` straight to `for_each_concurrent`, whose limit is an `Option` ("so the zero case is the adapter's job, no `max(1)` needed"), but `for_each_concurrent` documents 0 as no limit at all, so `limit` 0 sends every id at once; any `limit` from 1 up (`usize::MAX` too), empty ids, order, repeats and errors are right.

use std::sync::{Mutex, PoisonError};

use futures::stream::{self, StreamExt};
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

/// Fetches the photos with the given ids, at most `limit` requests at a time; one result per
/// id, in the order of `ids`.
pub async fn fetch_photos_bounded(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    limit: usize,
) -> Vec<Result<Photo, reqwest::Error>> {
    // One slot per entry of `ids`, filled in as the answers arrive: no sorting afterwards.
    let slots: Mutex<Vec<Option<Result<Photo, reqwest::Error>>>> =
        Mutex::new(ids.iter().map(|_| None).collect());
    // `for_each_concurrent` takes its limit as an `Option<usize>` and copes with the edge
    // cases itself (unlike `buffer_unordered(0)`, which hangs).
    stream::iter(ids.iter().enumerate())
        .for_each_concurrent(limit, |(position, &id)| {
            let slots = &slots;
            async move {
                let result = fetch_one(client, base_url, id).await;
                // Locked only to store the result, never across an `.await`.
                slots.lock().unwrap_or_else(PoisonError::into_inner)[position] = Some(result);
            }
        })
        .await;
    slots
        .into_inner()
        .unwrap_or_else(PoisonError::into_inner)
        .into_iter()
        .map(|slot| slot.expect("for_each_concurrent runs the closure for every entry"))
        .collect()
}
