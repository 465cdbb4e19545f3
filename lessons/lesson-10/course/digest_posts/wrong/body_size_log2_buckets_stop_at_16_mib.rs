//! Wrong: breaks "no panic: `digest` itself never panics" for a successful answer whose body is 16 MiB or more (a 200 of 16 MiB, or of 20 MiB: its size class, `len.ilog2()`, is 24, one past the last of the histogram's 24 buckets, and the index panics before the body is digested)
//! A process-wide histogram of body sizes for a `--stats` report: bucket `k` counts the bodies
//! of 2^k to 2^(k+1) - 1 bytes, and the learner gave it 24 buckets, "up to 16 MiB, far more than
//! any post". An empty body is handled (`checked_ilog2` is `None`, counted in bucket 0), so the
//! usual edge case passes, and so do bodies of 4 or 12.5 MiB; only a body of 16 MiB or more
//! reaches a bucket that is not there.
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

/// Bucket `k` counts the bodies of 2^k to 2^(k+1) - 1 bytes: up to 16 MiB.
static SIZE_CLASSES: [AtomicU64; 24] = [const { AtomicU64::new(0) }; 24];

/// The body sizes seen so far, by power of two (for a `--stats` report).
#[allow(dead_code)]
pub fn body_size_histogram() -> Vec<u64> {
    SIZE_CLASSES
        .iter()
        .map(|count| count.load(Ordering::Relaxed))
        .collect()
}

fn record_body_size(len: usize) {
    let class = len.checked_ilog2().unwrap_or(0) as usize;
    SIZE_CLASSES[class].fetch_add(1, Ordering::Relaxed);
}

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
        record_body_size(body.len());
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
