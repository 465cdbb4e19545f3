//! Wrong: one shared `Semaphore`, but `let _ = permits.acquire().await` drops the permit on the
//! spot (`_` binds nothing), so every request goes out at once.

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
            let _ = permits.acquire().await.unwrap();
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
