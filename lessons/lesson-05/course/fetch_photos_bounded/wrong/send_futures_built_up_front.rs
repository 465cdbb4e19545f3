//! Wrong: breaks "one GET `{base_url}/photos/{id}` per entry of `ids`": it calls `send()` for every id up front and only then lets `buffer_unordered` poll the futures `limit` at a time; `send()` starts the client's total timeout on the spot, so an id that waits for a slot longer than the client's timeout fails as a timeout without ever being sent (a slow answer is no longer a photo either); the window, the start order, the errors and the order of the results are right.

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
    // Futures are lazy: building them all first costs nothing, and nothing goes on the wire
    // until `buffer_unordered` polls one. Each one remembers its position in `ids`, since an id
    // may appear twice.
    let requests: Vec<_> = ids
        .iter()
        .enumerate()
        .map(|(position, id)| {
            let pending = client.get(format!("{base_url}/photos/{id}")).send();
            async move {
                let photo =
                    async { pending.await?.error_for_status()?.json::<Photo>().await }.await;
                (position, photo)
            }
        })
        .collect();

    // At most `limit` of them polled at once, each freed slot refilled at once.
    let mut numbered: Vec<(usize, Result<Photo, reqwest::Error>)> = stream::iter(requests)
        .buffer_unordered(limit.max(1))
        .collect()
        .await;
    numbered.sort_by_key(|&(position, _)| position);
    numbered.into_iter().map(|(_, photo)| photo).collect()
}
