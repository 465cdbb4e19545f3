//! Correct: the fix for `abandoned_flag_shared_by_calls`: a call dropped before it ends raises a flag of its own (an `Arc<AtomicBool>` per call, raised by a drop guard that the call disarms when it ends), and a digest already handed to the blocking pool but not started yet finds it raised and skips the work; a call that runs to its end, or runs beside a dropped one, digests every body
//!
//! `spawn_blocking` cannot be cancelled, so dropping a call leaves its queued digests to run for
//! nobody; here each closure first looks at its own call's flag. Only a dropped call's results
//! are affected, and nobody can read those. A check that counts `digest`'s calls after a drop, or
//! expects a dropped call's queued digests to run anyway, would reject it; the contract asks
//! nothing of a call that is dropped.
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
use std::sync::atomic::{AtomicBool, Ordering};

use futures::future::join_all;
use reqwest::Client;

/// Raises the call's flag if the call is dropped before it ends.
struct GivenUpUnlessFinished {
    given_up: Arc<AtomicBool>,
    finished: bool,
}

impl Drop for GivenUpUnlessFinished {
    fn drop(&mut self) {
        if !self.finished {
            self.given_up.store(true, Ordering::SeqCst);
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
    let given_up = Arc::new(AtomicBool::new(false));
    let mut guard = GivenUpUnlessFinished {
        given_up: Arc::clone(&given_up),
        finished: false,
    };

    let each = ids.iter().map(|id| {
        let given_up = Arc::clone(&given_up);
        async move {
            let body = client
                .get(format!("{base_url}/posts/{id}"))
                .send()
                .await?
                .error_for_status()?
                .bytes()
                .await?;
            let digested = tokio::task::spawn_blocking(move || {
                if given_up.load(Ordering::SeqCst) {
                    // This call was dropped: nobody will read the value.
                    return 0;
                }
                digest(&body)
            })
            .await;
            Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
        }
    });
    let results = join_all(each).await;
    guard.finished = true;
    results
}
