//! Wrong: breaks "`Err(err)` when the request failed (an error status, any 4xx or 5xx: the error then carries it; ...), and then `digest` is not called" for an error status whose body is announced empty (a 404, a 500 or a 503 with `Content-Length: 0`, as a bare `ResponseTemplate::new(404)` sends: `Ok(digest(b""))` comes back, and `digest` runs)
//!
//! A learner reads that `Response::content_length()` says `Some(0)` when the head already fixes
//! the body as empty, and adds a fast path: nothing to download, so the empty body goes to the
//! blocking pool at once. The fast path is written above the status check, where the answer first
//! arrives. An empty 200, 204 or 300 is digested as the contract asks, and an error status with a
//! body (a JSON error, an HTML page) is an `Err` carrying its status; only an error status with
//! an empty body slips through as a success.
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
    let each = ids.iter().map(|id| async move {
        let answer = client.get(format!("{base_url}/posts/{id}")).send().await?;
        // Nothing to download: digest the empty body right away.
        if answer.content_length() == Some(0) {
            return Ok(digest_off_runtime(digest, Vec::<u8>::new()).await);
        }
        let body = answer.error_for_status()?.bytes().await?;
        Ok(digest_off_runtime(digest, body).await)
    });
    join_all(each).await
}
