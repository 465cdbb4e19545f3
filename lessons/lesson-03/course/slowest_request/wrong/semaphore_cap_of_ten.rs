//! Wrong: a `Semaphore` of 10 permits caps the requests in flight, which the contract does not
//! ask for (each clock starts once the permit is held, so the times themselves are right).

use std::sync::Arc;
use std::time::Instant;

use futures::future::join_all;
use reqwest::Client;
use tokio::sync::Semaphore;

pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let permits = Arc::new(Semaphore::new(10));
    let timed = ids.iter().map(|&id| {
        let permits = permits.clone();
        async move {
            let _permit = permits.acquire().await.unwrap();
            let start = Instant::now();
            let _ = client.get(format!("{base_url}/posts/{id}")).send().await;
            (id, start.elapsed())
        }
    });
    join_all(timed)
        .await
        .into_iter()
        .max_by_key(|&(_, elapsed)| elapsed)
        .map(|(id, _)| id)
}
