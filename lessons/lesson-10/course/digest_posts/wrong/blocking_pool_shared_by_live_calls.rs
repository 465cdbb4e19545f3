//! Wrong: breaks "the digests of different posts run at the same time" for a call made after earlier calls were dropped before they ended (4 calls dropped while their request waits, then 131 posts whose digests wait for each other)
//! Fairness between calls: tokio's blocking pool has 512 threads, so each call running takes
//! an equal share of them for its digests (a per-call semaphore of `512 / calls running`),
//! and no call can starve the others. Two or three calls at once still get 170 or more each,
//! past anything they ask. But the count of calls running is kept by hand, `fetch_add` at the
//! start and `fetch_sub` at the end, as a Python `try/finally` would; a call that is dropped
//! (a caller's `timeout`, a `select!`) never gets to its end and is counted for good. After
//! four such calls, a call's share is 102 digests at a time, and digests past that wait for
//! others to finish.

use std::sync::atomic::{AtomicUsize, Ordering};

use futures::future::join_all;
use reqwest::Client;
use tokio::sync::Semaphore;

/// The threads of tokio's blocking pool, shared out between the calls running.
const BLOCKING_POOL: usize = 512;

/// Calls of `digest_posts` running in the program.
static CALLS_RUNNING: AtomicUsize = AtomicUsize::new(0);

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let running = CALLS_RUNNING.fetch_add(1, Ordering::SeqCst) + 1;
    let share = (BLOCKING_POOL / running).max(1);
    let digest_slots = Semaphore::new(share);
    let digest_slots = &digest_slots;

    let each = ids.iter().map(|id| async move {
        let body = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        let _slot = digest_slots
            .acquire()
            .await
            .expect("the semaphore is never closed");
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    let results = join_all(each).await;

    CALLS_RUNNING.fetch_sub(1, Ordering::SeqCst);
    results
}
