//! Wrong: batches of `limit`, each awaited whole before the next starts. Never more than
//! `limit` in flight, but one slow request leaves the other slots idle until it is done.

use futures::future::join_all;
use lesson_support::models::Photo;
use reqwest::Client;

pub async fn fetch_photos_bounded(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    limit: usize,
) -> Vec<Result<Photo, reqwest::Error>> {
    let mut photos = Vec::with_capacity(ids.len());
    for batch in ids.chunks(limit.max(1)) {
        let requests = batch.iter().map(|id| async move {
            client
                .get(format!("{base_url}/photos/{id}"))
                .send()
                .await?
                .error_for_status()?
                .json::<Photo>()
                .await
        });
        photos.extend(join_all(requests).await);
    }
    photos
}
