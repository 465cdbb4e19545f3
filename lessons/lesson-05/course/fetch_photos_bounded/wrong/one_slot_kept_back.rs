//! Wrong: a shared `Semaphore`, but of `limit - 1` permits ("one for the loop itself"): one
//! request fewer in flight than `limit` allows.

use std::sync::Arc;

use futures::future::join_all;
use lesson_support::models::Photo;
use reqwest::Client;
use tokio::sync::Semaphore;

pub async fn fetch_photos_bounded(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    limit: usize,
) -> Vec<Result<Photo, reqwest::Error>> {
    let permits = Arc::new(Semaphore::new(limit.saturating_sub(1).max(1)));
    let requests = ids.iter().map(|id| {
        let permits = Arc::clone(&permits);
        async move {
            let _permit = permits.acquire().await.unwrap();
            client
                .get(format!("{base_url}/photos/{id}"))
                .send()
                .await?
                .error_for_status()?
                .json::<Photo>()
                .await
        }
    });
    join_all(requests).await
}
