//! Wrong: a window kept by hand in a `FuturesUnordered`, pushing the next request before
//! checking the size (`> limit` instead of `>= limit`): `limit + 1` requests in flight.

use futures::stream::{FuturesUnordered, StreamExt};
use lesson_support::models::Photo;
use reqwest::Client;

pub async fn fetch_photos_bounded(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    limit: usize,
) -> Vec<Result<Photo, reqwest::Error>> {
    let mut slots: Vec<Option<Result<Photo, reqwest::Error>>> = ids.iter().map(|_| None).collect();
    let mut running = FuturesUnordered::new();
    for (position, id) in ids.iter().enumerate() {
        running.push(async move {
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
        });
        if running.len() > limit.max(1) {
            if let Some((done, photo)) = running.next().await {
                slots[done] = Some(photo);
            }
        }
    }
    while let Some((done, photo)) = running.next().await {
        slots[done] = Some(photo);
    }
    slots.into_iter().flatten().collect()
}
