//! Wrong: breaks "goes to `digest` once, as soon as that body is in: a digest never waits for other requests" whenever more than 64 requests are in flight in the process: a process-wide count of requests under way (a guard per request, so dropped calls give theirs back) holds every digest back until the count is 64 or less. Call A of 65 ids whose answers the server holds 2 s, and call B for post 1, answered at once, started beside it: B's digest starts only after about 2 s, once A's answers are in; a single call of 70 ids, 66 of them held 2 s and 4 answered at once, digests those four after 2 s.
//!
//! The learner's reasoning: with that many requests under way the machine is busy with I/O,
//! so CPU work can wait a little ("backpressure"). No check with 40 bodies answered at once
//! beside a slow one, or 18 slow bodies, ever has more than 64 requests in flight; 131 posts
//! answered together leave the count at 0 before their digests.
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

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use futures::future::join_all;
use reqwest::Client;

/// Requests (head and body) under way, in every call of the process.
static IN_FLIGHT: AtomicUsize = AtomicUsize::new(0);

/// Past this many requests under way, digests wait for the network to calm down.
const BUSY: usize = 64;

/// Counts one request in flight for as long as it lives.
struct InFlight;

impl InFlight {
    fn enter() -> Self {
        IN_FLIGHT.fetch_add(1, Ordering::SeqCst);
        InFlight
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        IN_FLIGHT.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let body = {
            let _flight = InFlight::enter();
            client
                .get(format!("{base_url}/posts/{id}"))
                .send()
                .await?
                .error_for_status()?
                .bytes()
                .await?
        };
        while IN_FLIGHT.load(Ordering::SeqCst) > BUSY {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
