//! Wrong: breaks "no panic: `digest` itself never panics" for a call in which no post is digested: every answer an error status or a failed connection (say `ids = [1, 2]` answered 404 and 500, or a base whose port refuses), or `ids` empty: the average divides a `Duration` by zero digests, and `Duration / 0u32` panics ("divide by zero error when dividing duration by scalar")
//!
//! The pipelines are the reference's, and each digest is timed on its blocking thread; after the
//! join, one line on stderr reports the mean digest time, the figure a learner watches to decide
//! whether the blocking pool is the right home for the digests. The mean is over the digests that
//! ran, and a learner's runs always had some: a quick test with real posts, or with one 404 among
//! them, prints a sensible line. Only a batch where nothing succeeds (or an empty one) divides by
//! zero.
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

use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use futures::future::join_all;
use reqwest::Client;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    // Time spent in digests, all together, and how many ran: is the blocking pool earning its keep?
    let digest_nanos = AtomicU64::new(0);
    let digests = AtomicU32::new(0);
    let (digest_nanos, digests) = (&digest_nanos, &digests);

    let each = ids.iter().map(|id| async move {
        let body = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        let timed = tokio::task::spawn_blocking(move || {
            let started = Instant::now();
            let value = digest(&body);
            (value, started.elapsed())
        })
        .await;
        let (value, took) = timed.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()));
        let took = u64::try_from(took.as_nanos()).unwrap_or(u64::MAX);
        digest_nanos.fetch_add(took, Ordering::Relaxed);
        digests.fetch_add(1, Ordering::Relaxed);
        Ok::<u64, reqwest::Error>(value)
    });
    let results = join_all(each).await;

    let spent = Duration::from_nanos(digest_nanos.load(Ordering::Relaxed));
    let count = digests.load(Ordering::Relaxed);
    eprintln!(
        "digest_posts: {} posts, {count} digested, {:?} per digest on average",
        ids.len(),
        spent / count
    );
    results
}
