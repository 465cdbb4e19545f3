//! Wrong: breaks "a successful answer's body, exactly as it arrived (its bytes, not decoded and encoded again), goes to `digest` once" for a body over 8 MiB (a 9 MiB post: `digest` gets its first half and its second half, on two threads, and the result is the two digests added, not the digest of the body)
//!
//! The digest of a large body is the slow part, and the lesson says the blocking pool has threads
//! to spare, so a learner splits a body over 8 MiB at its middle and digests both halves at once
//! on two threads of the pool, adding the two values (`wrapping_add`, "as a checksum or a byte
//! count would"). Every body up to 8 MiB, the course's 4.5 MiB post and 3 MB bodies included,
//! goes to `digest` whole, once, as the contract says; only a body past the threshold is cut,
//! and no `digest` but a sum of bytes gives the same value for the two halves as for the whole.
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

/// Bodies larger than this are digested as two halves side by side.
const SPLIT_ABOVE: usize = 8 * 1024 * 1024;

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
        if body.len() <= SPLIT_ABOVE {
            let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
            return Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())));
        }
        // A huge body: both halves at once, on two threads of the pool.
        let middle = body.len() / 2;
        let first = body.slice(..middle);
        let second = body.slice(middle..);
        let (a, b) = tokio::join!(
            tokio::task::spawn_blocking(move || digest(&first)),
            tokio::task::spawn_blocking(move || digest(&second)),
        );
        let a = a.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()));
        let b = b.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()));
        Ok(a.wrapping_add(b))
    });
    join_all(each).await
}
