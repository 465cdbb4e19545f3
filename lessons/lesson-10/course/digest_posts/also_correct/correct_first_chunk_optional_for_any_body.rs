//! Correct: the fix for `first_chunk_expected_unless_announced_empty`: the body is still read as a first chunk and then the rest, the buffer sized from the first chunk and the announced length (capped at 8 MiB, a hint only), but no body is assumed to have a first chunk: `chunk()` giving `None` at once is an empty body, whatever its head said (a chunked `0\r\n\r\n`, an HTTP/1.0 body closed at once, a `Content-Length: 0`), and the empty slice goes to `digest` on the blocking pool like any other body
//! Unusual because the head's announced length is never used to decide anything, only to size
//! a `Vec`, and because the body is gathered by hand with `Response::chunk()` rather than
//! `bytes()`; the bytes that reach `digest` are exactly those that arrived, in order.
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
use reqwest::{Client, Response};

/// A first guess at a body's size that is never trusted past this.
const MAX_PRESIZE: usize = 8 << 20;

/// The whole body, as it arrived: no chunk at all is an empty body.
async fn whole_body(mut response: Response) -> Result<Vec<u8>, reqwest::Error> {
    let announced = response.content_length();
    let Some(first) = response.chunk().await? else {
        return Ok(Vec::new());
    };
    let hint = announced
        .and_then(|len| usize::try_from(len).ok())
        .unwrap_or(0)
        .min(MAX_PRESIZE)
        .max(first.len());
    let mut body = Vec::with_capacity(hint);
    body.extend_from_slice(&first);
    while let Some(chunk) = response.chunk().await? {
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let response = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?;
        let body = whole_body(response).await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
