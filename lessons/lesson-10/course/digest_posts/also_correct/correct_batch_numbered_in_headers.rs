//! Correct: state shared by every call, used only to label requests: each call takes a number from a process-wide counter, and each of its GETs carries two extra headers, `X-Batch: <that number>` and `X-Batch-Entry: <its place in ids>`, so a server's logs can tell apart calls side by side and the copies of an id listed twice; the URL, the method and the client's own headers are untouched, and the pipelines are the reference's (GET, status, raw bytes on the runtime, then the digest on the blocking pool)
//!
//! A check that compares every request's headers with a fixed list, or expects two requests for
//! the same post to be identical, would reject it; the contract asks only for one GET at
//! `{base_url}/posts/{id}` per entry, through `client`.
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

use std::sync::atomic::{AtomicU64, Ordering};

use futures::future::join_all;
use reqwest::Client;

/// The number of the next call in this process.
static NEXT_BATCH: AtomicU64 = AtomicU64::new(1);

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let batch = NEXT_BATCH.fetch_add(1, Ordering::Relaxed);

    let each = ids.iter().enumerate().map(|(place, id)| async move {
        let body = client
            .get(format!("{base_url}/posts/{id}"))
            .header("X-Batch", batch.to_string())
            .header("X-Batch-Entry", place.to_string())
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
