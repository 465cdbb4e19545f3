//! Wrong: breaks "the result, in the order of `ids`: `Ok(digest(body))`" for a post asked again, by a later call, after its body changed (post 1 answered `{"v":1}`, then in a later call `{"v":2}`: `digest` is called on `{"v":2}`, once, but the second call returns the digest of `{"v":1}`)
//!
//! State kept between calls, to report changes: a process-wide table of each URL's digest, and a
//! line on stderr when a post's digest differs from the one seen before. The table is updated
//! with `*seen.entry(url).or_insert(value)`, which the learner takes for "insert or update" and
//! whose value becomes the result; `or_insert` keeps the old value, so a changed post is never
//! reported and its result is the first digest ever seen for its URL. Every request and every
//! digest is still there, and one call per test, or a post that doesn't change, passes.
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

use std::collections::BTreeMap;
use std::sync::{Mutex, PoisonError};

use futures::future::join_all;
use reqwest::Client;

/// The last digest seen for each post's URL, across calls.
static SEEN: Mutex<BTreeMap<String, u64>> = Mutex::new(BTreeMap::new());

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let url = format!("{base_url}/posts/{id}");
        let body = client
            .get(url.as_str())
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        let value = digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()));

        let mut seen = SEEN.lock().unwrap_or_else(PoisonError::into_inner);
        let before = seen.get(&url).copied();
        // Record this digest for the next call to compare with.
        let value = *seen.entry(url.clone()).or_insert(value);
        drop(seen);
        if before.is_some_and(|before| before != value) {
            eprintln!("{url} changed since the last call");
        }
        Ok(value)
    });
    join_all(each).await
}
