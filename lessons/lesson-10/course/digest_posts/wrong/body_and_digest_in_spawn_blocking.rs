//! Wrong: breaks "the requests, their bodies included, are sent and read by async code on the runtime"
//! The request is sent and its status checked on the runtime, then the `Response` goes to
//! `spawn_blocking` whole, and the blocking closure reads its body with
//! `futures::executor::block_on` before digesting it: "everything after the status is the slow
//! part, so all of it goes off the runtime". The runtime's thread never blocks (the heartbeat
//! keeps ticking), but a thread of the blocking pool waits there for as long as the body takes to
//! arrive.

use futures::future::join_all;
use reqwest::Client;

pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let response = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?;
        let digested = tokio::task::spawn_blocking(move || {
            let body = futures::executor::block_on(response.bytes())?;
            Ok(digest(&body))
        })
        .await;
        digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()))
    });
    join_all(each).await
}
