//! Wrong: one shared `Semaphore`, but the permit is taken after `send().await`: it bounds the
//! reading of the answers, not the requests, which all go out at once.

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
    let permits = Arc::new(Semaphore::new(limit.max(1)));
    let requests = ids.iter().map(|id| {
        let permits = Arc::clone(&permits);
        async move {
            let response = client.get(format!("{base_url}/photos/{id}")).send().await?;
            let _permit = permits.acquire().await.unwrap();
            response.error_for_status()?.json::<Photo>().await
        }
    });
    join_all(requests).await
}
