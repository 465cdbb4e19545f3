//! Wrong: breaks "no panic: `digest` itself never panics" for a call made after the runtime of the process's first call was dropped: the "at most one stats line a second" ticker is a `tokio::time::Interval` kept in a `static`, made by the first call, so it belongs to that call's runtime's timer; a later call on another runtime polls it at its end, and tokio panics ("A Tokio 1.x context was found, but it is being shutdown."). Call 1 on runtime A, drop A, call 2 on runtime B (as two `#[tokio::test]`s of one test binary do): call 2 sends its requests and digests its bodies, then panics.
//!
//! The learner wanted a progress line on stderr now and then, not after every call, and took
//! tokio's own tool for "once a second", polled with `now_or_never` so that it never waits.
//! Every call on the first call's runtime, and every call while that runtime is still alive
//! (even idle), works.
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
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use futures::FutureExt;
use futures::future::join_all;
use reqwest::Client;
use tokio::time::Interval;

static DIGESTED: AtomicU64 = AtomicU64::new(0);
static FAILED: AtomicU64 = AtomicU64::new(0);

/// Ticks at most once a second: when it has ticked, a call prints the totals.
static STATS_TICK: Mutex<Option<Interval>> = Mutex::new(None);

/// Prints the totals so far, at most once a second, never waiting for the ticker.
fn maybe_print_stats() {
    let mut tick = STATS_TICK.lock().unwrap_or_else(PoisonError::into_inner);
    let due = match tick.as_mut() {
        Some(interval) => interval.tick().now_or_never().is_some(),
        None => {
            *tick = Some(tokio::time::interval(Duration::from_secs(1)));
            true
        }
    };
    drop(tick);
    if due {
        eprintln!(
            "digest_posts: {} bodies digested, {} requests failed so far",
            DIGESTED.load(Ordering::Relaxed),
            FAILED.load(Ordering::Relaxed),
        );
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

    for result in &results {
        match result {
            Ok(_) => DIGESTED.fetch_add(1, Ordering::Relaxed),
            Err(_) => FAILED.fetch_add(1, Ordering::Relaxed),
        };
    }
    maybe_print_stats();
    results
}
