//! Wrong: breaks "no panic: `digest` itself never panics" for a call that is dropped before it ends (wrapped in a `tokio::time::timeout` of 100 ms whose answers come after 300 ms, or raced in `select!`): its drop guard calls `Handle::block_on` from inside the runtime, which panics ("Cannot start a runtime from within a runtime")
//!
//! Process-wide statistics behind a `tokio::sync::Mutex` (calls, finished, cancelled), kept the
//! async way: `.lock().await` at the start and at the end. A call that is dropped halfway should
//! count as cancelled, so a drop guard does it; `Drop` cannot `.await`, and the usual answer found
//! for "call async code from `drop`" is `Handle::current().block_on(..)`. Every call that runs
//! to its end disarms the guard first, so no ordinary test reaches that line.
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

use futures::future::join_all;
use reqwest::Client;
use tokio::runtime::Handle;
use tokio::sync::Mutex;

/// What the batches have done, for the service's status page.
struct Stats {
    calls: u64,
    finished: u64,
    cancelled: u64,
}

static STATS: Mutex<Stats> = Mutex::const_new(Stats {
    calls: 0,
    finished: 0,
    cancelled: 0,
});

/// Counts the call as cancelled if it is dropped before it ends.
struct CancelledUnlessFinished {
    finished: bool,
}

impl Drop for CancelledUnlessFinished {
    fn drop(&mut self) {
        if !self.finished {
            // `drop` cannot `.await`: run the bookkeeping to its end right here.
            Handle::current().block_on(async {
                STATS.lock().await.cancelled += 1;
            });
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
    STATS.lock().await.calls += 1;
    let mut guard = CancelledUnlessFinished { finished: false };

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
    let results = join_all(each).await;

    guard.finished = true;
    let mut stats = STATS.lock().await;
    stats.finished += 1;
    let Stats {
        calls,
        finished,
        cancelled,
    } = *stats;
    drop(stats);
    if calls % 100 == 0 {
        eprintln!("digest_posts: {calls} calls, {finished} finished, {cancelled} cancelled");
    }
    results
}
