//! Wrong: breaks "a successful answer's body, exactly as it arrived (its bytes, not decoded and encoded again), goes to `digest` once" for a successful answer whose length the head does not give (a body sent in chunks, or an HTTP/1.0 answer that ends when its connection closes: `digest` gets an empty slice)
//!
//! The body is gathered with a `chunk()` loop into a `Vec` reserved from the announced length
//! (capped at 1 MiB, so a lying head cannot make it huge). The loop landed inside
//! `if let Some(len) = answer.content_length()`, and reqwest's own documentation of
//! `content_length` reads as if an unknown length meant no body ("Reasons it may not be known:
//! the response does not include a body"), so the `None` case keeps the empty `Vec`. Every
//! answer with a `Content-Length`, which is what a quick test against a mock server sends, the
//! empty ones and the 4 MiB ones included, is read whole and digested as it arrived.
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

/// Reserve at most this much up front, whatever the head announces.
const RESERVE_CAP: usize = 1024 * 1024;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let mut answer = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?;
        let mut body: Vec<u8> = Vec::new();
        if let Some(len) = answer.content_length() {
            body.reserve(usize::try_from(len).unwrap_or(RESERVE_CAP).min(RESERVE_CAP));
            while let Some(chunk) = answer.chunk().await? {
                body.extend_from_slice(&chunk);
            }
        }
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
