//! Wrong: breaks "the digests of different posts run at the same time" for a call made while another call to the same `base_url` is under way (call A asks post 1, answered after 2 s; call B, started beside it, asks posts 1 to 6, answered at once, with a `digest` that blocks 300 ms or that waits for the other digests to begin: only four of B's digests run at a time, the fifth and sixth start 300 ms late, or never meet the others)
//!
//! A "fair share" of the blocking pool: a call that has the API to itself digests every body at
//! once, but while other calls to the same `base_url` are live (counted per base, with a guard
//! so that a dropped call gives its place back), each call keeps to four digests at a time, "so
//! two batches don't crowd each other out". A lone call of 131 ids, calls one after another,
//! and two calls at once with a few posts each all behave; only a call that has more than four
//! bodies to digest while sharing the API is held back.
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

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex, PoisonError};

use futures::future::join_all;
use reqwest::Client;
use tokio::sync::Semaphore;

/// Digests a call may run at once while it shares its API with other calls.
const SHARE_WHEN_CROWDED: usize = 4;

/// How many calls are live, per `base_url`.
static LIVE: LazyLock<Mutex<HashMap<String, usize>>> = LazyLock::new(|| Mutex::new(HashMap::new()));

fn live_calls(base_url: &str) -> usize {
    LIVE.lock()
        .unwrap_or_else(PoisonError::into_inner)
        .get(base_url)
        .copied()
        .unwrap_or(0)
}

/// Counts a call as live from its start until it ends or is dropped.
struct LiveCall(String);

impl LiveCall {
    fn enter(base_url: &str) -> Self {
        *LIVE
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .entry(base_url.to_owned())
            .or_insert(0) += 1;
        LiveCall(base_url.to_owned())
    }
}

impl Drop for LiveCall {
    fn drop(&mut self) {
        let mut live = LIVE.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(count) = live.get_mut(&self.0) {
            *count = count.saturating_sub(1);
            if *count == 0 {
                live.remove(&self.0);
            }
        }
    }
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let _live = LiveCall::enter(base_url);
    let share = Semaphore::new(SHARE_WHEN_CROWDED);
    let share = &share;

    let each = ids.iter().map(|id| async move {
        let body = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        // Sharing the API with other calls: keep to this call's share of digests.
        let _turn = if live_calls(base_url) > 1 {
            share.acquire().await.ok()
        } else {
            None
        };
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
