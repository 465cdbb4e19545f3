//! Wrong: breaks "no fewer [than `limit` in flight] while ids are still waiting: a new request starts as soon as any one finishes" for repeated ids: so that the server never works on the same photo twice at once (no "thundering herd" on one key), the positions of each id are grouped and one window slot fetches an id's repeats back to back, one after the other, so `[7, 7, 7, 7]` with a `limit` of 4 runs one request at a time, and a slow photo that is repeated keeps its later copies waiting while other slots run dry; every repeat is still fetched and has its own result in its own place, never more than `limit` are in flight, and with distinct ids it is exactly the reference.

use std::collections::HashMap;

use futures::StreamExt;
use futures::stream;
use lesson_support::models::Photo;
use reqwest::Client;

async fn fetch_photo(client: &Client, base_url: &str, id: u64) -> Result<Photo, reqwest::Error> {
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
    // Each distinct id with every position it appears at, in order of first appearance.
    let mut groups: Vec<(u64, Vec<usize>)> = Vec::new();
    let mut group_of: HashMap<u64, usize> = HashMap::new();
    for (position, &id) in ids.iter().enumerate() {
        let group = *group_of.entry(id).or_insert_with(|| {
            groups.push((id, Vec::new()));
            groups.len() - 1
        });
        groups[group].1.push(position);
    }

    // One slot per distinct id: a repeat is fetched again (every entry gets its own request),
    // but after the previous copy, never at the same time as it.
    let batches: Vec<Vec<(usize, Result<Photo, reqwest::Error>)>> = stream::iter(groups)
        .map(|(id, positions)| async move {
            let mut results = Vec::with_capacity(positions.len());
            for position in positions {
                results.push((position, fetch_photo(client, base_url, id).await));
            }
            results
        })
        .buffer_unordered(limit.max(1))
        .collect()
        .await;

    let mut fetched: Vec<(usize, Result<Photo, reqwest::Error>)> =
        batches.into_iter().flatten().collect();
    fetched.sort_by_key(|&(position, _)| position);
    fetched.into_iter().map(|(_, result)| result).collect()
}
