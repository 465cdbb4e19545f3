//! Wrong: breaks "one entry per id, in the order of `ids` (not the order the answers arrive in)": answers are matched back to `ids` by id, through a queue per id for repeats, so when an id appears twice its two answers fill its two places in the order they arrived, not in the order they were asked (a slow first request's 503 can land in the second place); the window, the requests, and every id that appears once are right.

use std::collections::{HashMap, VecDeque};

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
    // Each answer comes back with the id it was for, in the order the answers finish.
    let mut answers = stream::iter(ids.iter().copied())
        .map(|id| async move {
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
            (id, photo)
        })
        .buffer_unordered(limit.max(1));

    // An id may be asked for more than once: keep every answer for it, in a queue.
    let mut arrived: HashMap<u64, VecDeque<Result<Photo, reqwest::Error>>> = HashMap::new();
    while let Some((id, photo)) = answers.next().await {
        arrived.entry(id).or_default().push_back(photo);
    }

    // Hand them out in the order of `ids`: each occurrence of an id takes the next answer
    // for that id.
    ids.iter()
        .filter_map(|id| arrived.get_mut(id).and_then(VecDeque::pop_front))
        .collect()
}
