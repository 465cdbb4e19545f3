//! Wrong: breaks "goes to `digest` once, as soon as that body is in: a digest never waits for other requests" (and "all in flight together") for a seventeenth call made while sixteen other calls are still waiting for their answers: say sixteen calls of one id each whose server holds its answers for 2 s, then a seventeenth call for a post answered at once: that call sends nothing until one of the sixteen has ended, so its digest waits 2 s for other calls' requests.
//! The idea is the bulkhead pattern: a process-wide semaphore admits at most sixteen batches at
//! once, so a burst of callers cannot open thousands of sockets or pile up bodies in memory; a
//! batch past the sixteenth waits its turn. Inside an admitted call everything is as in the
//! reference (every request in flight together, each body digested on the blocking pool as soon
//! as it is in), and the permit is released when the call ends or is dropped. It passes any check
//! that runs fewer than seventeen calls at once. It is wrong because each call's requests are
//! its own: the contract has no limit of its own, and a call must not wait for other calls'
//! requests to answer.

use futures::future::join_all;
use reqwest::Client;
use tokio::sync::Semaphore;

/// Batches admitted at once, process-wide.
static BATCHES: Semaphore = Semaphore::const_new(16);

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    // The semaphore is never closed, so `acquire` cannot fail; the permit lives until the end of
    // this call (or until the call is dropped).
    let _admitted = BATCHES.acquire().await.ok();
    let each = ids.iter().map(|id| async move {
        let body = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
