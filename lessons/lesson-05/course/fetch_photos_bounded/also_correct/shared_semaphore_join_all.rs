//! Also correct: `join_all` keeps the order of `ids` by itself; one `Semaphore` shared by all
//! the requests bounds them, each holding its permit until its answer is read.
//! Its permits are `limit` brought within 1..=ids.len(): `Semaphore::new` panics above
//! `Semaphore::MAX_PERMITS`.

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
    let permits = Semaphore::new(limit.clamp(1, ids.len().max(1)));
    let permits = &permits;
    join_all(ids.iter().map(|id| async move {
        let Ok(_permit) = permits.acquire().await else {
            unreachable!("the semaphore is never closed");
        };
        let request = client.get(format!("{base_url}/photos/{id}")).build()?;
        client
            .execute(request)
            .await?
            .error_for_status()?
            .json::<Photo>()
            .await
    }))
    .await
}
