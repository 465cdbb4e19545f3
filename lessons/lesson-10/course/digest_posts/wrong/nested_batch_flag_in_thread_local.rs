//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids` (an id listed twice is asked twice), all in flight together" for a call polled on a thread where another call is under way, or where an earlier call was dropped before it ended (on a current-thread runtime: `tokio::join!` of a call for `[1]` and a call for `[2, 3]`, answers held 300 ms: `/posts/3` is sent only once post 2 is in and digested; or a call dropped by a 100 ms `timeout`, then any call: its posts go one at a time)
//!
//! A guard against fan-outs of fan-outs: a call made while a batch is running (say, from work a
//! digest's result set off) runs its posts one after another. "A batch is running" is a
//! thread-local flag, set at the start and cleared at the end, Python's `contextvar` as the
//! learner knows it; but tasks share threads, so a second call beside the first sees the flag, and
//! a call dropped halfway never clears it. A lone call, the usual manual test, is all parallel.
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

use std::cell::Cell;

use futures::future::join_all;
use reqwest::Client;

thread_local! {
    /// Whether a batch is being fetched right now ("are we inside one already?").
    static IN_BATCH: Cell<bool> = const { Cell::new(false) };
}

async fn one_post(
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
    let nested = IN_BATCH.with(|in_batch| in_batch.replace(true));
    let results = if nested {
        // A batch inside a batch: one post at a time, so the fan-outs don't multiply.
        let mut results = Vec::with_capacity(ids.len());
        for &id in ids {
            results.push(one_post(client, base_url, id, digest).await);
        }
        results
    } else {
        join_all(ids.iter().map(|&id| one_post(client, base_url, id, digest))).await
    };
    if !nested {
        IN_BATCH.with(|in_batch| in_batch.set(false));
    }
    results
}
