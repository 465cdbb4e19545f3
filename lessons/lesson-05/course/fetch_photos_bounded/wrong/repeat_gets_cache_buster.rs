//! Wrong: breaks "one GET `{base_url}/photos/{id}` per entry of `ids`": the second (third...) time an id appears, its GET goes to `{base_url}/photos/{id}?_=N`, a throwaway query parameter meant to get past caches; the first occurrence of every id, the number of requests, the window of `limit`, the start order and the order of the results are all as the contract says.

use std::collections::HashMap;

use futures::stream::{self, StreamExt};
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
    // How many times each id has come up before this entry: 0 for its first appearance.
    let mut seen: HashMap<u64, u32> = HashMap::new();
    let jobs: Vec<(usize, u64, u32)> = ids
        .iter()
        .enumerate()
        .map(|(position, &id)| {
            let count = seen.entry(id).or_insert(0);
            let repeat = *count;
            *count += 1;
            (position, id, repeat)
        })
        .collect();

    let mut numbered: Vec<(usize, Result<Photo, reqwest::Error>)> = stream::iter(jobs)
        .map(|(position, id, repeat)| async move {
            let photo = async {
                let mut request = client.get(format!("{base_url}/photos/{id}"));
                // The same URL twice in one run may be answered from a cache on the way
                // instead of being fetched again; a throwaway parameter makes each repeat
                // its own URL (jQuery's `cache: false` trick).
                if repeat > 0 {
                    request = request.query(&[("_", repeat)]);
                }
                request
                    .send()
                    .await?
                    .error_for_status()?
                    .json::<Photo>()
                    .await
            }
            .await;
            (position, photo)
        })
        .buffer_unordered(limit.max(1))
        .collect()
        .await;
    numbered.sort_by_key(|&(position, _)| position);
    numbered.into_iter().map(|(_, photo)| photo).collect()
}
