//! Wrong: breaks "all in flight together" (and "a digest never waits for other requests") for two calls at once with different `base_url`s (call A to server 1, answers held 1 s; call B to server 2, started 100 ms later, answered at once: B sends nothing until A has ended, and its digest starts after about 1 s)
//!
//! Python's module-level `API_ROOT = ...` made safe for threads: a process-wide `RwLock<String>`
//! holds the API root the batch works against. A call points it at its `base_url` (a write, only
//! if it differs), then holds a read guard while its requests are out, "so nobody moves the root
//! under them". Calls to the same base share the read lock and run side by side, so the usual
//! tests pass; a call to another base waits for the write, that is, for every call in progress.
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
use tokio::sync::RwLock;

/// The API root the batches talk to.
static API_ROOT: RwLock<String> = RwLock::const_new(String::new());

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let needs_switch = *API_ROOT.read().await != base_url;
    if needs_switch {
        *API_ROOT.write().await = base_url.to_owned();
    }
    // Hold the root steady while this batch's requests are out.
    let root_guard = API_ROOT.read().await;
    let root: &str = &root_guard;

    let each = ids.iter().map(|id| async move {
        let body = client
            .get(format!("{root}/posts/{id}"))
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
