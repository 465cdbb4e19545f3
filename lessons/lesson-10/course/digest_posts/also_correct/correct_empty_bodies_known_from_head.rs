//! Correct: an answer whose head already fixes its body as empty (on HTTP/1.x, a 204, a 304, or `Content-Length: 0`, where hyper sets the body's length to zero from the head alone and `content_length()` says `Some(0)`) is not read at all: the response is dropped, and `digest` gets the empty slice on the blocking pool; every other answer is read with `bytes()` as in the reference
//!
//! Reading such a body could only give nothing, at once and without error: hyper's HTTP/1 decoder
//! has a length of zero for it, so the bytes that arrived are none, and `digest` sees exactly
//! them, once, as soon as the head is in. HTTP/2 and later are read as usual (there a head's
//! `content-length` is a promise the stream may break, and that must stay an `Err`). A check that
//! expects every successful answer's body to be read, or its connection reused, might reject it.
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
use reqwest::{Client, Version};

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids
        .iter()
        .map(|&id| fetch_and_digest(client, base_url, id, digest));
    join_all(each).await
}

/// One post: the request on the runtime, its body read there unless the head says it is empty,
/// then the digest on the blocking pool.
async fn fetch_and_digest(
    client: &Client,
    base_url: &str,
    id: u64,
    digest: fn(&[u8]) -> u64,
) -> Result<u64, reqwest::Error> {
    let response = client
        .get(format!("{base_url}/posts/{id}"))
        .send()
        .await?
        .error_for_status()?;
    let http1 = matches!(
        response.version(),
        Version::HTTP_09 | Version::HTTP_10 | Version::HTTP_11
    );
    let body = if http1 && response.content_length() == Some(0) {
        // hyper gave this body a length of zero from the head (a 204, a 304, `Content-Length:
        // 0`): it is complete already, and empty.
        drop(response);
        None
    } else {
        Some(response.bytes().await?)
    };
    let digested =
        tokio::task::spawn_blocking(move || digest(body.as_deref().unwrap_or_default())).await;
    Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
}
