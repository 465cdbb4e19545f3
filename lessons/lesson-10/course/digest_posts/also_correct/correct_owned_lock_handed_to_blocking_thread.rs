//! Correct: no `JoinHandle` is awaited and no channel is used: each post's pipeline takes a per-post `tokio::sync::Mutex` slot's lock first (`lock_owned`, uncontended, so at once), moves that `OwnedMutexGuard` into the `spawn_blocking` closure, which writes the digest through it and lets go of the lock when it returns, and then awaits the lock a second time: it gets it only once the blocking thread has let go, and reads the value the digest left there
//!
//! A learner who thinks of a lock as "a baton handed to whoever does the work" writes this; it
//! is the same shape as Go's "lock a mutex, hand it to the goroutine, lock it again to wait".
//! The lock is fair and taken before the blocking task exists, so the second `lock().await`
//! cannot win the race; the task waits without holding its thread, the requests and bodies stay
//! on the runtime, and every pipeline runs beside the others under `join_all`.
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

use std::sync::Arc;

use futures::future::join_all;
use reqwest::Client;
use tokio::sync::Mutex;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let body = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;

        let slot = Arc::new(Mutex::new(None::<u64>));
        // Take the baton before the blocking thread exists, then hand it over: it is given back
        // only when the digest is written.
        let baton = Arc::clone(&slot).lock_owned().await;
        drop(tokio::task::spawn_blocking(move || {
            let mut baton = baton;
            *baton = Some(digest(&body));
        }));
        let value = slot.lock().await.take();
        Ok(value.expect("the blocking thread writes its digest before it lets go of the lock"))
    });
    join_all(each).await
}
