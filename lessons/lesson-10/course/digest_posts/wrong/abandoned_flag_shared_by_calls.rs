//! Wrong: breaks "a successful answer's body ... goes to `digest` once" (and "the result ...: `Ok(digest(body))`") for a call that runs beside another call that is dropped before it ends (call A for post 1, answered after 2 s, in a `timeout` of 100 ms; call B, started beside it, for post 2 answered after 300 ms: B's body is never digested, and B returns `Ok(0)`)
//!
//! Don't burn CPU for a caller that has gone: a call dropped halfway raises a flag (a drop guard,
//! disarmed when the call ends), and a digest that finds it raised returns a placeholder 0
//! instead of running, since nobody will read it. The flag is a process-wide `AtomicBool`,
//! lowered at the start of every call, so a call started after a drop is fine; only the calls
//! running beside the dropped one lose their digests. The per-call flag is what was meant.
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

use std::sync::atomic::{AtomicBool, Ordering};

use futures::future::join_all;
use reqwest::Client;

/// Raised when the caller drops a batch before it ends.
static ABANDONED: AtomicBool = AtomicBool::new(false);

/// Raises `ABANDONED` if the call is dropped before it ends.
struct AbandonedUnlessFinished {
    finished: bool,
}

impl Drop for AbandonedUnlessFinished {
    fn drop(&mut self) {
        if !self.finished {
            ABANDONED.store(true, Ordering::SeqCst);
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
    // A new batch: nobody has given up on it yet.
    ABANDONED.store(false, Ordering::SeqCst);
    let mut guard = AbandonedUnlessFinished { finished: false };

    let each = ids.iter().map(|id| async move {
        let body = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        let digested = tokio::task::spawn_blocking(move || {
            if ABANDONED.load(Ordering::SeqCst) {
                // The caller has gone: this value is never read.
                return 0;
            }
            digest(&body)
        })
        .await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    let results = join_all(each).await;
    guard.finished = true;
    results
}
