//! Correct, written another way: every request future is built up front into a `Vec` before the window runs, but `send()` is called inside each `async move` block, so nothing is sent (and no timer starts) until `buffer_unordered` gives that future a slot.

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
    // One future per entry, numbered by its position (an id may appear twice). An async block
    // runs nothing until it is polled, so the whole list is only a plan.
    let requests: Vec<_> = ids
        .iter()
        .enumerate()
        .map(|(position, &id)| async move {
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
        })
        .collect();

    let mut numbered: Vec<(usize, Result<Photo, reqwest::Error>)> = stream::iter(requests)
        .buffer_unordered(limit.max(1))
        .collect()
        .await;
    numbered.sort_by_key(|&(position, _)| position);
    numbered.into_iter().map(|(_, photo)| photo).collect()
}
