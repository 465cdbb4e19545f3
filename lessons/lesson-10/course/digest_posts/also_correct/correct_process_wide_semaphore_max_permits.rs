//! Correct: lesson 05's semaphore, made process-wide and given no real limit: one `static` tokio
//! `Semaphore` of `Semaphore::MAX_PERMITS` permits, shared by every call, every concurrent call
//! and every runtime (a tokio semaphore belongs to no runtime), "so a limit can be set in one
//! place later". Each pipeline holds a permit from before its request until its digest is back,
//! and the permit is an RAII guard, returned on every path: an error status, a failed
//! connection, a broken body, or the call dropped halfway. Nothing ever waits on it.

use futures::future::join_all;
use reqwest::Client;
use tokio::sync::Semaphore;

/// Every post in flight in the process holds one of these.
static IN_FLIGHT: Semaphore = Semaphore::const_new(Semaphore::MAX_PERMITS);

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let _permit = IN_FLIGHT
            .acquire()
            .await
            .expect("the semaphore is never closed");
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
