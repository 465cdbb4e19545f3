//! Wrong: breaks "all in flight together"
//! A `Semaphore` of 100 permits, held over each request and its body, the way aiohttp's
//! `TCPConnector(limit=100)` caps connections by default: a learner who carries that default over
//! thinks it polite. Up to 100 ids it is exactly the reference; past 100, the later requests wait
//! for a permit instead of being in flight with the first ones.

use std::sync::Arc;

use futures::future::join_all;
use reqwest::Client;
use tokio::sync::Semaphore;

pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let permits = Arc::new(Semaphore::new(100));
    let each = ids.iter().map(|id| {
        let permits = Arc::clone(&permits);
        async move {
            let body = {
                let _permit = permits
                    .acquire()
                    .await
                    .expect("the semaphore is never closed");
                client
                    .get(format!("{base_url}/posts/{id}"))
                    .send()
                    .await?
                    .error_for_status()?
                    .bytes()
                    .await?
            };
            let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
            Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
        }
    });
    join_all(each).await
}
