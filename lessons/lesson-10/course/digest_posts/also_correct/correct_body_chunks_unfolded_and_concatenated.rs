//! Correct: the body is read as a stream built by hand: `futures::stream::try_unfold` over `Response::chunk()` (reqwest's `bytes_stream` needs a feature the course leaves off), each chunk turned into a `Vec<u8>` and the stream joined with `TryStreamExt::try_concat`; a chunk that fails is the post's `Err`
//! Everything else is the reference's shape: one pipeline per entry of `ids`, all under
//! `join_all`, the request and its body read on the runtime, the status checked before any
//! byte is read, and the whole body handed to `spawn_blocking` for the digest as soon as its
//! last chunk is in. A check that expects `bytes()` in particular would reject it; the bytes
//! digested are the ones that arrived, in order, none added or dropped.
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

use futures::TryStreamExt;
use futures::future::join_all;
use futures::stream;
use reqwest::Client;

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
        // The body as a stream of its chunks, in the order they came, then joined.
        let chunks = stream::try_unfold(response, |mut response| async move {
            let next = response.chunk().await?;
            Ok::<_, reqwest::Error>(next.map(|chunk| (chunk.to_vec(), response)))
        });
        let body: Vec<u8> = chunks.try_concat().await?;
        let value = tokio::task::spawn_blocking(move || digest(&body))
            .await
            .unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()));
        Ok::<u64, reqwest::Error>(value)
    });
    join_all(each).await
}
