//! Wrong: breaks "a slow answer is waited for, with no time limit of your own (the client's timeouts, set by whoever built it, are the limit)" (and "a successful answer's body, exactly as it arrived (its bytes, not decoded and encoded again), goes to `digest` once") for a body that pauses for 10 s or more between two of its chunks (a head and half a body at once, the rest 12 s later; or any pause at all on a runtime whose clock is paused): the pause is taken for the end of the body, and the half that came is digested as an `Ok`
//! The learner feared a server that sends a head and then hangs, and put an idle timer on each
//! `chunk()` read, not on the request: the head is waited for as long as it takes, so "slow
//! answers" tests that hold the head pass. But a quiet gap of 10 s inside the body ends the read
//! silently (there is no `reqwest::Error` to return for a timer of one's own), and the prefix
//! goes to `digest` as if it were the whole body.
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

use std::time::Duration;

use futures::future::join_all;
use reqwest::Client;

/// Ten seconds of silence in the middle of a body: the server has stopped sending.
const IDLE_GAP: Duration = Duration::from_secs(10);

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let mut response = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?;
        let mut body = Vec::new();
        loop {
            match tokio::time::timeout(IDLE_GAP, response.chunk()).await {
                Ok(Ok(Some(chunk))) => body.extend_from_slice(&chunk),
                Ok(Ok(None)) => break,
                Ok(Err(err)) => return Err(err),
                // The server went quiet: what came is the body.
                Err(_elapsed) => break,
            }
        }
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
