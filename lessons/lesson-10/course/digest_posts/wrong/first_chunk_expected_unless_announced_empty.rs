//! Wrong: breaks "no panic: `digest` itself never panics" (and "a successful answer's body ... goes to `digest` once") for a successful answer with an empty body whose head does not say so (a 200 sent `Transfer-Encoding: chunked` with only the last chunk, `0\r\n\r\n`; or an HTTP/1.0 200 with no `Content-Length` whose connection closes at once): `chunk()` gives `None` first, and the `expect` panics
//! The learner reads the first chunk apart from the rest, to size the buffer from it and the
//! announced length, and covers the empty body by its head: `content_length() == Some(0)` (a
//! `Content-Length: 0`, a 204, a 304) is digested as an empty slice. A body whose length the head
//! leaves open is assumed to have at least one chunk, which holds for every body that has bytes,
//! and for every empty body a test server sends with `Content-Length: 0`.
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

/// A first guess at a body's size that is never trusted past this.
const MAX_PRESIZE: usize = 8 << 20;

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
        let announced = response.content_length();
        let body = if announced == Some(0) {
            Vec::new()
        } else {
            // Not announced as empty: there is a first chunk.
            let first = response
                .chunk()
                .await?
                .expect("a body not announced as empty has a first chunk");
            let hint = announced
                .and_then(|len| usize::try_from(len).ok())
                .unwrap_or(first.len())
                .min(MAX_PRESIZE);
            let mut body = Vec::with_capacity(hint.max(first.len()));
            body.extend_from_slice(&first);
            while let Some(chunk) = response.chunk().await? {
                body.extend_from_slice(&chunk);
            }
            body
        };
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
