//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids` (...), all in flight together" for a call made after earlier calls were dropped while their requests were out (13 calls of 20 ids each, dropped mid-flight, then any call: it never sends)
//! A process-wide semaphore keeps the whole program under 256 requests at once (the habit
//! from macOS's default limit of 256 open files), far more than any one call here asks. It is
//! ported from asyncio as written there: `await sem.acquire()` before the request and
//! `sem.release()` after it, that is `acquire().await` + `forget()`, then `add_permits(1)`. In
//! Python a cancelled task still runs its `finally`; in Rust a dropped future runs no more of
//! its code, so every request that is out when its call is dropped (a caller's `timeout`, a
//! `select!`) keeps its slot for good. After 256 such slots, every later call waits forever
//! before its first request.

use futures::future::join_all;
use reqwest::Client;
use tokio::sync::Semaphore;

/// Requests in flight in the whole program, at most.
static REQUEST_SLOTS: Semaphore = Semaphore::const_new(256);

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        REQUEST_SLOTS
            .acquire()
            .await
            .expect("the semaphore is never closed")
            .forget();
        let fetched = async {
            let answer = client
                .get(format!("{base_url}/posts/{id}"))
                .send()
                .await?
                .error_for_status()?;
            answer.bytes().await
        }
        .await;
        REQUEST_SLOTS.add_permits(1);
        let body = fetched?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
