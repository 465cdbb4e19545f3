//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids` (...), all in flight together" (and "a digest never waits for other requests") for a call made while another task holds the runtime's thread (a current-thread runtime, as `#[tokio::test]` builds, where a task spawned just before the call does `std::thread::sleep(300 ms)`: the call's probe measures a lag of 300 ms, and its posts are then asked one after another, each after the previous one's digest)
//!
//! Before it starts, the call measures how long the runtime takes to come back to it after a
//! `yield_now` (asyncio's "slow callback" warning turned into a policy): on a runtime that
//! answers in under 50 ms it sends everything at once, but on one that is "overloaded" it backs
//! off and asks one post at a time so as not to pile more work on it. On an idle runtime, a
//! multi-thread one, or beside a heartbeat, the lag is tiny and nothing changes; the answers are
//! right either way, and nothing panics.
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

use std::time::{Duration, Instant};

use futures::future::join_all;
use reqwest::Client;

/// A runtime that takes longer than this to come back to a yielded task is "overloaded".
const OVERLOADED: Duration = Duration::from_millis(50);

async fn one(
    client: &Client,
    base_url: &str,
    id: u64,
    digest: fn(&[u8]) -> u64,
) -> Result<u64, reqwest::Error> {
    let body = client
        .get(format!("{base_url}/posts/{id}"))
        .send()
        .await?
        .error_for_status()?
        .bytes()
        .await?;
    let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
    Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    // How busy is the runtime? Let every other ready task have its turn, and time it.
    let probe = Instant::now();
    tokio::task::yield_now().await;
    let lag = probe.elapsed();

    if lag > OVERLOADED {
        eprintln!(
            "runtime lagging by {lag:?}: asking the {} posts one at a time",
            ids.len()
        );
        let mut results = Vec::with_capacity(ids.len());
        for &id in ids {
            results.push(one(client, base_url, id, digest).await);
        }
        results
    } else {
        join_all(ids.iter().map(|&id| one(client, base_url, id, digest))).await
    }
}
