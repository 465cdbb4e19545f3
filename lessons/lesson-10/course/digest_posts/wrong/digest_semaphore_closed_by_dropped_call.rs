//! Wrong: breaks "no panic: `digest` itself never panics" for every call that gets a successful answer after some call was dropped before it ended: a dropped call "cancels its queued digests" by closing the semaphore that gates digests, but that semaphore is the one every call of the process shares. A call wrapped in a `tokio::time::timeout` of 100 ms whose answers come after 300 ms, then any later call answered 200 (or a call running beside the dropped one, whose bodies come after the drop): `acquire` fails, and its `expect` panics.
//!
//! The learner kept digests under tokio's blocking pool size with a process-wide semaphore of
//! 512, and read that `Semaphore::close` wakes every waiting `acquire` with an error: the way to
//! stop work that has not started yet when the caller gives up. A drop guard, disarmed when the
//! call ends, closes it. Every check whose calls all run to their end passes.
//!
//! Exercise 15: digest many posts, without blocking the runtime.
//!
//! `digest_posts(client, base_url, ids, digest)` fetches every post in `ids` at once and hands
//! each answer's body to `digest`. `digest` is a *blocking* function: it may take a long time and
//! waits without `.await` (think of a hash of a large body, a parser, a call into a synchronous
//! library). Contract:
//! - one GET `{base_url}/posts/{id}` per entry of `ids` (an id listed twice is asked twice), all in
//!   flight together, its URL made by appending to `base_url`, which may end in a path such as
//!   `/api` that must be kept, through `client`; the requests, their bodies included, are sent
//!   and read by async code on the runtime, not from inside `spawn_blocking` or a thread of your
//!   own (a blocking thread held for a request, or while a body arrives, is one fewer for
//!   blocking work);
//! - a successful answer's body, exactly as it arrived (its bytes, not decoded and encoded again),
//!   goes to `digest` once, as soon as that body is in: a digest never waits for other requests;
//! - `digest` never runs on a thread of the runtime: while digests run, the runtime's other tasks
//!   keep running, and the digests of different posts run at the same time (tokio's blocking
//!   pool, or threads of your own, awaited without blocking);
//! - the result, in the order of `ids`: `Ok(digest(body))`, or `Err(err)` when the request failed
//!   (an error status, any 4xx or 5xx: the error then carries it; a failed connection), and then
//!   `digest` is not called; any other status (a 3xx the client does not follow, say a 300) is an
//!   answer like a 200; a slow answer is waited for, with no time limit of your own (the
//!   client's timeouts, set by whoever built it, are the limit);
//! - no panic: `digest` itself never panics.

use std::sync::OnceLock;

use futures::future::join_all;
use reqwest::Client;
use tokio::sync::Semaphore;

/// Digests under way, kept under the blocking pool's size, for the whole process.
fn digest_slots() -> &'static Semaphore {
    static SLOTS: OnceLock<Semaphore> = OnceLock::new();
    SLOTS.get_or_init(|| Semaphore::new(512))
}

/// Closes the digest gate when the call is dropped before it ends, so that digests still
/// waiting for a slot give up instead of starting for a caller who has gone.
struct CancelQueuedDigests {
    finished: bool,
}

impl Drop for CancelQueuedDigests {
    fn drop(&mut self) {
        if !self.finished {
            digest_slots().close();
        }
    }
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let mut cancel = CancelQueuedDigests { finished: false };

    let each = ids.iter().map(|id| async move {
        let body = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        let _slot = digest_slots()
            .acquire()
            .await
            .expect("the digest gate is open while the call runs");
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    let results = join_all(each).await;

    cancel.finished = true;
    results
}
