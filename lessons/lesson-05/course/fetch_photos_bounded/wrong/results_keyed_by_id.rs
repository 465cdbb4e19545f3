//! Wrong: breaks "one entry per id, in the order of `ids` (not the order the answers arrive in)" for repeated ids: results are filed in a `HashMap` by id (a queue per id, so "an id that appears twice … has two results") and handed back by walking `ids`, but the two results of one id are queued in the order they *arrived*, so when the first occurrence's answer (a slow 503) lands after the second's (a quick 200), their entries swap; distinct ids, the cap, errors and request counts are all right.

use std::collections::{HashMap, VecDeque};

use futures::StreamExt;
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
    let base_url = base_url.trim_end_matches('/');
    let mut by_id: HashMap<u64, VecDeque<Result<Photo, reqwest::Error>>> = HashMap::new();

    let mut answers = futures::stream::iter(ids.iter().copied())
        .map(|id| async move {
            let result = async {
                client
                    .get(format!("{base_url}/photos/{id}"))
                    .send()
                    .await?
                    .error_for_status()?
                    .json::<Photo>()
                    .await
            }
            .await;
            (id, result)
        })
        .buffer_unordered(limit.max(1));
    while let Some((id, result)) = answers.next().await {
        by_id.entry(id).or_default().push_back(result);
    }

    ids.iter()
        .map(|id| {
            by_id
                .get_mut(id)
                .and_then(VecDeque::pop_front)
                .expect("one answer was filed for every occurrence of the id")
        })
        .collect()
}
