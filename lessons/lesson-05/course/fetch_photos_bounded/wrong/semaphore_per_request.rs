//! Wrong: a `Semaphore` of `limit` permits, but a new one for every request: each request
//! waits only for its own semaphore, so nothing is bounded.

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
    let requests = ids.iter().map(|id| async move {
        let permits = Semaphore::new(limit.max(1));
        let _permit = permits.acquire().await.unwrap();
        client
            .get(format!("{base_url}/photos/{id}"))
            .send()
            .await?
            .error_for_status()?
            .json::<Photo>()
            .await
    });
    join_all(requests).await
}
