//! Wrong: breaks "a successful answer's body ... goes to `digest` once, as soon as that body is in: a digest never waits for other requests" for answers whose announced sizes add up past 8 MiB (two posts of 6 MiB each with `Content-Length`, a `digest` that blocks for 500 ms: the second body is not read, nor digested, until the first digest has ended)
//! A memory budget per call: before reading a body, the pipeline takes as many permits of a
//! per-call `Semaphore` of 8 MiB as the head announces (`content_length()`, capped at the
//! budget so that a larger body cannot wait forever), and gives them back once its digest is
//! done, since the body lives until then. A learner adds it so that a batch of large posts
//! cannot fill memory; small posts never notice it, but large ones are read and digested in
//! turns.
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
use tokio::sync::Semaphore;

/// The bytes of bodies one call may hold at once.
const BODY_BUDGET: u32 = 8 * 1024 * 1024;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let budget = Semaphore::new(BODY_BUDGET as usize);
    let each = ids.iter().map(|id| {
        let budget = &budget;
        async move {
            let response = client
                .get(format!("{base_url}/posts/{id}"))
                .send()
                .await?
                .error_for_status()?;
            // Room for this body first (never more than the whole budget, or it would wait forever).
            let size = response
                .content_length()
                .map_or(0, |len| len.min(u64::from(BODY_BUDGET)));
            let size = u32::try_from(size).unwrap_or(BODY_BUDGET);
            let room = budget.acquire_many(size).await.ok();
            let body = response.bytes().await?;
            let value = tokio::task::spawn_blocking(move || digest(&body))
                .await
                .unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()));
            // The body is gone with its digest: its room goes back to the budget.
            drop(room);
            Ok::<u64, reqwest::Error>(value)
        }
    });
    join_all(each).await
}
