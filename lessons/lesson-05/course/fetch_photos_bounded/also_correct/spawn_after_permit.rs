//! Also correct: takes a permit of one shared `Semaphore` before spawning each request, moves
//! it into the task, and awaits the handles in the order of `ids`.
//! Its permits are `limit` brought within 1..=ids.len(): `Semaphore::new` panics above
//! `Semaphore::MAX_PERMITS`.

use std::sync::Arc;

use lesson_support::models::Photo;
use reqwest::Client;
use tokio::sync::Semaphore;

pub async fn fetch_photos_bounded(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    limit: usize,
) -> Vec<Result<Photo, reqwest::Error>> {
    let permits = Arc::new(Semaphore::new(limit.clamp(1, ids.len().max(1))));
    let mut handles = Vec::with_capacity(ids.len());
    for id in ids {
        let Ok(permit) = Arc::clone(&permits).acquire_owned().await else {
            unreachable!("the semaphore is never closed");
        };
        let client = client.clone();
        let url = format!("{base_url}/photos/{id}");
        handles.push(tokio::spawn(async move {
            let photo = async {
                client
                    .get(url)
                    .send()
                    .await?
                    .error_for_status()?
                    .json::<Photo>()
                    .await
            }
            .await;
            drop(permit);
            photo
        }));
    }
    let mut photos = Vec::with_capacity(handles.len());
    for handle in handles {
        match handle.await {
            Ok(photo) => photos.push(photo),
            Err(failed) => std::panic::resume_unwind(failed.into_panic()),
        }
    }
    photos
}
