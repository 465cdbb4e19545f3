//! Wrong: breaks "a successful answer's body, exactly as it arrived (its bytes, not decoded and encoded again), goes to `digest` once" (and "the result ...: `Ok(digest(body))`") for an id listed more than once in one call (`[1, 1, 1]`: three GETs, as asked, but only the first body in is digested, and all three results are that digest, even when the server answered each copy with a different body)
//!
//! The contract says an id listed twice is asked twice, so this answer asks every copy; but
//! digesting "the same post" twice looks like wasted CPU, the one expensive part, so each id gets
//! a per-call `tokio::sync::OnceCell`: the first copy whose body is in runs the digest on the
//! blocking pool, and every other copy awaits that cell instead of digesting its own body. A
//! server that counts requests sees one GET per entry; with the same body for every copy the
//! results are even the right numbers. Only `digest`'s own log tells: one call per id, not per
//! body, and a copy answered with other bytes (a post edited between the two GETs, a counter in
//! the body) gets the first copy's digest.
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

use futures::future::join_all;
use reqwest::Client;
use tokio::sync::OnceCell;

/// Runs `digest` on the blocking pool and waits for it without holding the runtime's thread.
async fn digest_off_runtime<B>(digest: fn(&[u8]) -> u64, body: B) -> u64
where
    B: AsRef<[u8]> + Send + 'static,
{
    let digested = tokio::task::spawn_blocking(move || digest(body.as_ref())).await;
    digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()))
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    // One digest per post per call: the copies of an id share it.
    let cells: HashMap<u64, OnceCell<u64>> = ids.iter().map(|&id| (id, OnceCell::new())).collect();
    let cells = &cells;

    let each = ids.iter().map(|&id| async move {
        let body = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        let value = match cells.get(&id) {
            Some(cell) => *cell.get_or_init(|| digest_off_runtime(digest, body)).await,
            None => digest_off_runtime(digest, body).await,
        };
        Ok(value)
    });
    join_all(each).await
}
