//! Wrong: breaks "a successful answer's body, exactly as it arrived (its bytes, not decoded and encoded again), goes to `digest` once, as soon as that body is in" for a body with no `Content-Length` (sent chunked, or HTTP/1.0 until the connection closes) that comes in pieces: its first piece is short, the answer takes that for the end, and `digest` gets only what had come (say a chunked `{"id":1,` then, 300 ms later, `"title":"x"}`: `digest` gets the first 8 bytes)
//!
//! A body with a `Content-Length` is read with `bytes()`, as the reference does. One without is
//! read by hand, `chunk()` after `chunk()`, the way a learner reads a socket: reads come in
//! blocks of 8 KiB, and a read that comes back shorter than a block means there was nothing
//! more ("like `recv` returning less than asked"). A small chunked body sent in one piece is one
//! short read, and whole, and so are the learner's test posts; a body whose sender pauses (or
//! sends several small chunks) ends at its first short piece.
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

/// A full read from the connection; a shorter one is the last.
const READ_BLOCK: usize = 8 * 1024;

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
        let body = if response.content_length().is_some() {
            response.bytes().await?.to_vec()
        } else {
            read_until_short(response).await?
        };
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok::<u64, reqwest::Error>(
            digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
        )
    });
    join_all(each).await
}

/// A body whose length the head does not give (chunked, or until the connection closes): read
/// block by block, and a block that comes back short is the end, as with `recv` on a socket.
async fn read_until_short(mut response: Response) -> Result<Vec<u8>, reqwest::Error> {
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await? {
        body.extend_from_slice(&chunk);
        if chunk.len() < READ_BLOCK {
            break;
        }
    }
    Ok(body)
}
