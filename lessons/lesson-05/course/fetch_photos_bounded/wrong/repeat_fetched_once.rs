//! Wrong: breaks "an id that appears twice is fetched twice and has two results": each distinct id is requested once and a repeat gets a clone of the photo (only a repeat whose first fetch failed is asked again, since a `reqwest::Error` cannot be cloned), so the results are right but `[3, 3, 3]` sends one request instead of three.

use std::collections::{HashMap, HashSet};

use futures::stream::{self, StreamExt};
use lesson_support::models::Photo;
use reqwest::Client;

async fn fetch_one(client: &Client, base_url: &str, id: u64) -> Result<Photo, reqwest::Error> {
    client
        .get(format!("{base_url}/photos/{id}"))
        .send()
        .await?
        .error_for_status()?
        .json()
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
    // No need to download the same photo twice.
    let mut seen = HashSet::new();
    let distinct: Vec<u64> = ids.iter().copied().filter(|&id| seen.insert(id)).collect();

    let mut fetched: HashMap<u64, Result<Photo, reqwest::Error>> = stream::iter(distinct)
        .map(|id| async move { (id, fetch_one(client, base_url, id).await) })
        .buffer_unordered(limit.max(1))
        .collect()
        .await;

    let mut results = Vec::with_capacity(ids.len());
    for &id in ids {
        match fetched.remove(&id) {
            Some(Ok(photo)) => {
                // Keep a copy for a later repeat of this id.
                fetched.insert(id, Ok(photo.clone()));
                results.push(Ok(photo));
            }
            Some(Err(err)) => results.push(Err(err)),
            // A repeat whose first fetch failed: the error cannot be cloned, so ask again.
            None => results.push(fetch_one(client, base_url, id).await),
        }
    }
    results
}
