//! Correct, written another way: `buffer_unordered` with the window clamped to `1..=ids.len()`, and the results put back in place by a `StreamExt::fold` into one pre-made slot per entry of `ids` instead of a sort.

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
    // More slots than ids change nothing; fewer than one would start nothing.
    let window = limit.clamp(1, ids.len().max(1));
    let empty: Vec<Option<Result<Photo, reqwest::Error>>> =
        std::iter::repeat_with(|| None).take(ids.len()).collect();

    let filled = stream::iter(ids.iter().enumerate())
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
        .buffer_unordered(window)
        .fold(empty, |mut slots, (position, photo)| async move {
            slots[position] = Some(photo);
            slots
        })
        .await;

    // Every slot was filled exactly once: the stream yields one output per id.
    filled.into_iter().flatten().collect()
}
